import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AgentStoreError } from '../errors/agent-errors'
import { selectTimeLeft } from '../pace/track-scene-pace'
import { createAgentRunRegistry } from '../registry/create-agent-run-registry'
import { selectProgress } from '../state/select-progress'
import { toRunSnapshot } from '../store/run-snapshot'
import { CREDENTIALS, runInput, runsSettled, setupTestSimulator, waitFor } from '../test-utils'
import { createMemoryTabLocks } from './memory-tab-locks'
import type { TabChannel, TabPlatform } from './tab-platform'

const handle = setupTestSimulator({ sceneMs: 40 })

const PROJECT = 7
const requests = () => handle.simulator.admin.requests().byRoute
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/**
 * One browser tab: a registry whose Web Locks are shared with the other tabs of the test
 * (in memory) and whose channels are Node's real `BroadcastChannel`. `crash()` closes the tab
 * the way a browser does: its locks go, its channel goes quiet, its stream breaks.
 */
function openTab(locks: ReturnType<typeof createMemoryTabLocks>, project = PROJECT) {
  const tabLocks = locks.forTab()
  const channels: BroadcastChannel[] = []
  let crashed = false
  const platform: TabPlatform = {
    locks: tabLocks,
    openChannel(name) {
      const channel = new BroadcastChannel(name)
      channels.push(channel)
      return {
        postMessage: (message) => crashed || channel.postMessage(message),
        addEventListener: (type, listener) =>
          channel.addEventListener(type, (event) => crashed || listener(event as MessageEvent)),
        removeEventListener: () => {},
        close: () => channel.close(),
      } satisfies TabChannel
    },
  }
  const registry = createAgentRunRegistry({
    baseUrl: handle.simulator.url,
    ...CREDENTIALS,
    storage: null,
    userId: 'u1',
    crossTab: platform,
  })
  const release = registry.hold(project)
  const close = () => {
    release()
    for (const channel of channels) channel.close()
  }
  cleanups.push(close)
  return {
    registry,
    store: registry.store(project),
    crash() {
      crashed = true
      tabLocks.closeTab()
      registry.stopAll()
    },
  }
}

/** What a tab shows of its run, the parts every tab must agree on. */
const shown = (tab: ReturnType<typeof openTab>) => {
  const { status, jobId, sceneOrder, scenes, composition, result } = tab.store.getState()
  return { status, jobId, sceneOrder, scenes, composition, result }
}

describe('one run, every tab', () => {
  it('mirrors the owner’s run live in a tab opened before it and one opened during it', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    const before = openTab(locks)
    const running = a.store.start(runInput({ projectId: PROJECT }))
    await waitFor(() => before.store.getState().status === 'streaming')
    await waitFor(() => a.store.getState().sceneOrder.length > 0)
    const late = openTab(locks)
    await waitFor(() => late.store.getState().status === 'streaming')
    expect(await running).toMatchObject({ reason: 'done' })
    await waitFor(() => before.store.getState().status === 'done')
    await waitFor(() => late.store.getState().status === 'done')
    expect(shown(before)).toEqual(shown(a))
    expect(shown(late)).toEqual(shown(a))
    expect(toRunSnapshot(late.store.getState())).toEqual(toRunSnapshot(a.store.getState()))
    expect(requests()['POST /api/agent']).toBe(1)
  })

  it('gives a tab that caught up the owner’s time left, not the replay’s', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    handle.simulator.admin.setFaults({ stallAfterEvents: 16 })
    a.store.start(runInput({ projectId: PROJECT })).catch(() => {})
    const completed = (tab: ReturnType<typeof openTab>) =>
      selectProgress(tab.store.getState()).completed
    await waitFor(() => completed(a) >= 3 && selectTimeLeft(a.store)?.basis === 'pace')
    const late = openTab(locks)
    await waitFor(() => completed(late) === completed(a))
    const now = Date.now()
    const owner = selectTimeLeft(a.store, now)
    const caughtUp = selectTimeLeft(late.store, now)
    expect(caughtUp?.basis).toBe('pace')
    expect(owner?.remainingMs).toBeGreaterThan(0)
    // Replayed at once, the log would say the scenes took no time at all.
    expect(caughtUp?.remainingMs).toBeCloseTo(owner?.remainingMs as number, -1)
    a.store.stop()
  })

  it('refuses to send from a mirror, and a mirror’s Stop stops the owner', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    const b = openTab(locks)
    handle.simulator.admin.setFaults({ stallAfterEvents: 6 })
    const running = a.store.start(runInput({ projectId: PROJECT }))
    await waitFor(() => b.store.getState().status === 'streaming')
    expect(b.registry.isMirroring(PROJECT)).toBe(true)
    const refused = await b.store.start(runInput({ projectId: PROJECT })).catch((error) => error)
    expect(AgentStoreError.isInstance(refused) && refused.code).toBe('RUNNING_IN_ANOTHER_TAB')
    await expect(b.store.resume('job')).rejects.toMatchObject({ code: 'RUNNING_IN_ANOTHER_TAB' })
    expect(requests()['POST /api/agent']).toBe(1)
    expect(requests()['POST /api/agent/resume']).toBe(0)
    b.store.stop()
    expect(await running).toEqual({ reason: 'aborted' })
    await waitFor(() => b.store.getState().status === 'stopped')
    expect(a.store.getState().status).toBe('stopped')
  })

  it('refuses a run of another project while the user’s run streams in another tab, instead of meeting a 409', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    const other = openTab(locks, PROJECT + 1)
    handle.simulator.admin.setFaults({ stallAfterEvents: 6 })
    const running = a.store.start(runInput({ projectId: PROJECT }))
    await waitFor(() => a.store.getState().status === 'streaming')
    await expect(other.store.start(runInput({ projectId: PROJECT + 1 }))).rejects.toMatchObject({
      code: 'RUNNING_IN_ANOTHER_TAB',
    })
    expect(requests()['POST /api/agent']).toBe(1)
    a.store.stop()
    await running
    await runsSettled(handle.simulator)
    expect(await other.store.start(runInput({ projectId: PROJECT + 1 }))).toMatchObject({
      reason: 'done',
    })
  })

  it('lets any tab start once the run has ended', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    const b = openTab(locks)
    await a.store.start(runInput({ projectId: PROJECT }))
    await waitFor(() => b.store.getState().status === 'done')
    expect(await b.store.start(runInput({ projectId: PROJECT }))).toMatchObject({ reason: 'done' })
    await waitFor(() => a.store.getState().status === 'done')
    expect(requests()['POST /api/agent']).toBe(2)
  })

  it('when the owner’s tab goes away, one mirror asks check-resume for all, and one resume finishes', async () => {
    const locks = createMemoryTabLocks()
    const a = openTab(locks)
    const b = openTab(locks)
    const c = openTab(locks)
    a.store.start(runInput({ projectId: PROJECT })).catch(() => {})
    await waitFor(() => c.store.getState().status === 'streaming')
    await waitFor(() =>
      a.store
        .getState()
        .sceneOrder.some((id) => a.store.getState().scenes[id]?.status === 'complete'),
    )
    a.crash()
    const gone = Date.now()
    await waitFor(() => b.store.getState().status === 'interrupted')
    await waitFor(() => c.store.getState().status === 'interrupted')
    expect(Date.now() - gone).toBeLessThan(2000)
    expect(requests()['GET /api/agent/check-resume']).toBe(1)
    expect(requests()['POST /api/agent/resume']).toBe(0)
    // Either mirror may resume; the other then mirrors it.
    expect(await b.store.resume()).toMatchObject({ reason: 'done' })
    await waitFor(() => c.store.getState().status === 'done')
    expect(shown(c)).toEqual(shown(b))
    expect(requests()['POST /api/agent/resume']).toBe(1)
    expect(requests()['POST /api/agent']).toBe(1)
  })

  it('runs each tab on its own with crossTab false', async () => {
    const alone = createAgentRunRegistry({
      baseUrl: handle.simulator.url,
      ...CREDENTIALS,
      storage: null,
      crossTab: false,
    })
    expect(alone.isMirroring(PROJECT)).toBe(false)
    const release = alone.hold(PROJECT)
    cleanups.push(release)
    expect(await alone.store(PROJECT).start(runInput({ projectId: PROJECT }))).toMatchObject({
      reason: 'done',
    })
  })
})
