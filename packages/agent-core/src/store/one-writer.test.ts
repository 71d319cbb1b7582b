import { readdirSync, readFileSync } from 'node:fs'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { describe, expect, it } from 'vitest'
import { rebuildRunState } from '../state/reduce-run-action'
import type { RunLogEntry } from '../state/run-action'
import type { AgentRunState } from '../state/run-state'
import {
  PROJECT_ID,
  postCount,
  runInput,
  serveEventStream,
  setupTestSimulator,
  testClient,
  waitFor,
} from '../test-utils'
import { type AgentRunStore, createAgentRunStore } from './create-agent-run-store'

/**
 * Every state a store publishes comes from an action in its log: each path of the store's
 * lifecycle is driven against the real simulator (or, for an `error` event, a real server
 * that sends one) while a subscriber checks that the log up to the action behind each
 * published state folds into exactly that state. Then a look at the sources shows there is
 * no other writer to drive.
 */
const handle = setupTestSimulator()

/**
 * Keeps the store's log and every state it publishes. Zustand tells subscribers from
 * inside `setState`, and `dispatch` tells the action listeners after it: so the action
 * behind a published state is the next one logged, and the check runs once it is.
 */
function watch(store: AgentRunStore) {
  const initial = store.getState()
  const log: RunLogEntry[] = []
  const reached: AgentRunState[] = []
  const published: Array<{ state: AgentRunState; logged: number }> = []
  store.subscribeActions((entry, state) => {
    log.push(entry)
    reached.push(state)
  })
  store.subscribe((state) => published.push({ state, logged: log.length }))
  return {
    log,
    published,
    types: () => log.map((entry) => entry.action.type),
    /** Every published state is the fold of the log up to its action, also from JSON. */
    expectOnlyLoggedChanges() {
      const copied = JSON.parse(JSON.stringify(log)) as RunLogEntry[]
      // Each published state has an action of its own: no two share one.
      const behind = published.map(({ logged }) => logged)
      expect(behind).toEqual([...new Set(behind)].sort((first, second) => first - second))
      for (const { state, logged } of published) {
        const action = log[logged]?.action.type
        expect(reached[logged], `the state ${action} led to`).toBe(state)
        expect(rebuildRunState(log.slice(0, logged + 1), initial), action).toEqual(state)
        expect(rebuildRunState(copied.slice(0, logged + 1), initial), action).toEqual(state)
      }
      expect(new Set(published.map(({ state }) => state)).size).toBeLessThanOrEqual(log.length)
      expect(rebuildRunState(copied, initial)).toEqual(store.getState())
    },
  }
}

function storeFor(options: Partial<Parameters<typeof createAgentRunStore>[0]> = {}) {
  return createAgentRunStore({
    client: testClient(handle.simulator.url),
    projectId: PROJECT_ID,
    ...options,
  })
}

describe('every published state comes from a logged action', () => {
  it('start → done', async () => {
    const store = storeFor()
    const watcher = watch(store)
    expect((await store.start(runInput())).reason).toBe('done')
    expect(watcher.published.map(({ state }) => state.status)).toContain('streaming')
    watcher.expectOnlyLoggedChanges()
  })

  it('a start the server rejects, and one validation refuses', async () => {
    const store = storeFor()
    const watcher = watch(store)
    handle.simulator.admin.setFaults({ reject: 'CONCURRENT_LIMIT' })
    await expect(store.start(runInput())).rejects.toMatchObject({ code: 'CONCURRENT_LIMIT' })
    await expect(store.start(runInput({ message: '' }))).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(postCount(handle.simulator)).toBe(1)
    expect(store.getState()).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION' } })
    watcher.expectOnlyLoggedChanges()
  })

  it('resume with no job: command_refused is logged and nothing is published', async () => {
    const store = storeFor()
    const watcher = watch(store)
    await expect(store.resume()).rejects.toMatchObject({ code: 'NO_JOB' })
    expect(watcher.types()).toEqual(['command_refused'])
    expect(watcher.published).toHaveLength(0)
    expect(store.getState()).toBe(store.getInitialState())
    watcher.expectOnlyLoggedChanges()
  })

  it('a failed scene and retryScene', async () => {
    const store = storeFor()
    const watcher = watch(store)
    handle.simulator.admin.setFaults({ failScenes: [1] })
    expect(await store.start(runInput())).toMatchObject({ reason: 'done', success: false })
    expect(await store.retryScene('scene-2')).toMatchObject({ reason: 'done', success: true })
    watcher.expectOnlyLoggedChanges()
  })

  it('stop() mid-run, then reset()', async () => {
    const store = storeFor()
    const watcher = watch(store)
    const running = store.start(runInput())
    await waitFor(() => store.getState().sceneOrder.length > 0)
    store.stop()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(store.getState().status).toBe('stopped')
    store.reset()
    expect(watcher.types().slice(-2)).toEqual(['request_ended', 'reset'])
    watcher.expectOnlyLoggedChanges()
  })

  it('fromSnapshot, and restore() from storage into a new store', async () => {
    const storage = createMemoryStorage()
    const first = storeFor({ storage })
    handle.simulator.admin.setFaults({ cutAfterEvents: 12 })
    expect((await first.start(runInput())).reason).toBe('interrupted')
    await waitFor(() => storage.data.size > 0)

    const copy = storeFor()
    const copyWatcher = watch(copy)
    copy.fromSnapshot(first.toSnapshot())
    expect(copy.getState().composition).toEqual(first.getState().composition)
    copyWatcher.expectOnlyLoggedChanges()

    const reloaded = storeFor({ storage })
    const watcher = watch(reloaded)
    expect(await reloaded.restore()).toBe(true)
    expect(watcher.types()).toEqual(['restored'])
    expect(reloaded.getState().jobId).toBe(first.getState().jobId)
    const job = await waitFor(() => reloaded.checkResume())
    expect((await reloaded.resume(job.jobId)).reason).toBe('done')
    watcher.expectOnlyLoggedChanges()
  })

  it('a stall (stallAfterMs) that the idle watchdog ends', async () => {
    const client = testClient(handle.simulator.url, { stallAfterMs: 20, idleTimeoutMs: 1_000 })
    const store = storeFor({ client })
    const watcher = watch(store)
    handle.simulator.admin.setFaults({ stallAfterEvents: 5 })
    expect(await store.start(runInput())).toEqual({ reason: 'interrupted', cause: 'idle' })
    expect(watcher.published.some(({ state }) => state.stalled)).toBe(true)
    expect(watcher.types()).toContain('stall_changed')
    expect(store.getState().stalled).toBe(false)
    watcher.expectOnlyLoggedChanges()
  })

  it('a stall before the first byte, that the answer ends', async () => {
    const store = storeFor({ client: testClient(handle.simulator.url, { stallAfterMs: 20 }) })
    const watcher = watch(store)
    handle.simulator.admin.setFaults({ delayMs: 300 })
    expect((await store.start(runInput())).reason).toBe('done')
    const steps = watcher.log.flatMap(({ action }): Array<boolean | string> => {
      if (action.type === 'stall_changed') return [action.stalled]
      return action.type === 'tool_start' ? ['event'] : []
    })
    expect(steps.slice(0, 3)).toEqual([true, false, 'event'])
    watcher.expectOnlyLoggedChanges()
  })

  it('a warning for a malformed event', async () => {
    const store = storeFor()
    const watcher = watch(store)
    handle.simulator.admin.setFaults({ malformedAfterEvents: 4 })
    expect((await store.start(runInput())).reason).toBe('done')
    expect(watcher.types()).toContain('warning')
    expect(store.getState().warnings).not.toHaveLength(0)
    watcher.expectOnlyLoggedChanges()
  })

  it("the agent's error event", async () => {
    const server = await serveEventStream(
      [
        'event: plan_ready\ndata: {"jobId":"job_e","totalScenes":2,"estimatedMinutes":1}\n\n',
        'event: scene_start\ndata: {"sceneId":"scene-1","sceneIndex":0}\n\n',
        'event: error\ndata: {"error":"provider down"}\n\n',
      ].join(''),
    )
    try {
      const store = storeFor({ client: testClient(server.url) })
      const watcher = watch(store)
      expect(await store.start(runInput())).toMatchObject({ reason: 'error' })
      expect(store.getState()).toMatchObject({ status: 'failed', error: { code: 'STREAM_ERROR' } })
      expect(store.getState().scenes['scene-1']?.status).toBe('pending')
      watcher.expectOnlyLoggedChanges()
    } finally {
      await server.close()
    }
  })
})

/**
 * What the source check covers: the non-test files of this package's `src`. `setState(` is
 * called once, in the store's `dispatch`. A run status is written as a literal after
 * `status:` only by the reducers (`src/state`) and the snapshot reader, which maps a saved
 * status back. A run state is made from another (a spread of `state`, `previous` or
 * `getState()`) or from `createInitialRunState` only there and in the store's initial
 * state, and no file assigns `.status`, `.error` or `.stalled` on an existing object.
 * It reads text, not types: a writer that renames its variables would slip past it.
 */
describe('the sources have one writer', () => {
  const root = new URL('../', import.meta.url)
  const sources = (readdirSync(root, { recursive: true }) as string[])
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.ts') && !/\.test(-d)?\.ts$|test-utils\.ts$/.test(path))
    .map((path) => ({ path, text: readFileSync(new URL(path, root), 'utf8') }))
  const where = (pattern: RegExp) =>
    sources.filter(({ text }) => pattern.test(text)).map(({ path }) => path)
  const reducers = (path: string) => path.startsWith('state/') || path === 'store/run-snapshot.ts'

  it('reads the package sources', () => {
    expect(sources.map(({ path }) => path)).toContain('store/create-agent-run-store.ts')
    expect(sources.length).toBeGreaterThan(20)
  })

  it('calls setState once, inside dispatch', () => {
    expect(where(/setState\(/)).toEqual(['store/create-agent-run-store.ts'])
    const text = sources.find(({ path }) => path === 'store/create-agent-run-store.ts')?.text ?? ''
    expect(text.match(/setState\(/g)).toHaveLength(1)
    const start = text.indexOf('function dispatch(')
    const end = text.indexOf('\n  }\n', start)
    expect(start).toBeGreaterThan(-1)
    expect(text.indexOf('setState(')).toBeGreaterThan(start)
    expect(text.indexOf('setState(')).toBeLessThan(end)
  })

  it('writes run statuses and builds run states only in the reducers', () => {
    const status =
      /\bstatus:[^,\n]*'(idle|submitting|streaming|done|failed|rejected|interrupted|stopped)'/
    expect(where(status)).toContain('state/reduce-run-action.ts')
    expect(where(status).filter((path) => !reducers(path))).toEqual([])
    const spread = /\.\.\.(state|previous|getState\(\))\b/
    expect(where(spread).filter((path) => !reducers(path))).toEqual([])
    expect(where(/createInitialRunState\(/).filter((path) => !reducers(path))).toEqual([
      'store/create-agent-run-store.ts',
    ])
    expect(where(/\.(status|error|stalled)\s*=[^=]/)).toEqual([])
  })
})
