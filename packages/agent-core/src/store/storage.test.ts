import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  runInput,
  SHORT_EDIT,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from '../test-utils'
import { createAgentRunStore } from './create-agent-run-store'
import { clearAgentStorage, type ListableStorage, storageKeyFor } from './storage-keys'

let simulator: TestSimulator
beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

/** A storage with listable keys, as `localStorage` is. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

function storeFor(storage: ListableStorage, userId?: string, storageMaxAgeMs?: number) {
  return createAgentRunStore({
    client: testClient(simulator.url),
    projectId: 7,
    storage,
    userId,
    storageMaxAgeMs,
  })
}

describe('snapshots in a shared browser', () => {
  it('are kept per user: the next account does not see the previous one', async () => {
    const storage = createMemoryStorage()
    await storeFor(storage, 'alice@example.com').start(
      runInput({ message: SHORT_EDIT, projectId: 7 }),
    )
    await settle()
    expect([...storage.data.keys()]).toEqual(['kvidai-agent-run:alice%40example.com:7'])
    const bob = storeFor(storage, 'bob@example.com')
    expect(await bob.restore()).toBe(false)
    expect(bob.getState().composition).toBe(null)
    const alice = storeFor(storage, 'alice@example.com')
    expect(await alice.restore()).toBe(true)
    expect(alice.getState().status).toBe('done')
  })

  it('discardSnapshot removes the saved snapshot and keeps the state', async () => {
    const storage = createMemoryStorage()
    const store = storeFor(storage, 'alice@example.com')
    await store.start(runInput({ message: SHORT_EDIT, projectId: 7 }))
    await settle()
    expect(storage.data.size).toBe(1)
    store.discardSnapshot()
    await settle()
    expect(storage.data.size).toBe(0)
    expect(store.getState().status).toBe('done')
    expect(store.getState().composition).not.toBe(null)
    expect(await storeFor(storage, 'alice@example.com').restore()).toBe(false)
  })

  it('expire: an old snapshot is dropped instead of restored', async () => {
    const storage = createMemoryStorage()
    await storeFor(storage, 'alice').start(runInput({ message: SHORT_EDIT, projectId: 7 }))
    await settle()
    const key = storageKeyFor(7, 'alice')
    const saved = JSON.parse(storage.getItem(key) as string)
    storage.setItem(key, JSON.stringify({ ...saved, savedAt: Date.now() - 2 * 60_000 }))
    expect(await storeFor(storage, 'alice', 60_000).restore()).toBe(false)
    await settle()
    expect(storage.getItem(key)).toBe(null)
  })

  it('clearAgentStorage removes one user’s snapshots, or all of the SDK’s, and nothing else', () => {
    const storage = createMemoryStorage()
    storage.setItem(storageKeyFor(1, 'alice'), '{}')
    storage.setItem(storageKeyFor(2, 'alice'), '{}')
    storage.setItem(storageKeyFor(1, 'alice-2'), '{}')
    storage.setItem(storageKeyFor(1), '{}')
    storage.setItem('app-settings', '{}')
    expect(clearAgentStorage({ storage, userId: 'alice' })).toBe(2)
    expect([...storage.data.keys()]).toEqual([
      storageKeyFor(1, 'alice-2'),
      storageKeyFor(1),
      'app-settings',
    ])
    expect(clearAgentStorage({ storage })).toBe(2)
    expect([...storage.data.keys()]).toEqual(['app-settings'])
  })
})

describe('a restore that meets a newer state', () => {
  /** A storage holding the snapshot of an interrupted run, and a store on it. */
  async function savedRun() {
    const memory = createMemoryStorage()
    const saved = createAgentRunStore({
      client: testClient(simulator.url),
      projectId: 7,
      storage: memory,
    })
    saved.dispatch({ type: 'request_sent', request: { kind: 'run' }, projectId: 7 })
    saved.dispatch({ type: 'request_ended', outcome: { reason: 'interrupted', cause: 'ended' } })
    await settle()
    return memory
  }

  it('keeps a state that changed while storage was read (a run started, or mirrored from another tab)', async () => {
    const memory = await savedRun()
    let release: () => void = () => {}
    const slow = {
      ...memory,
      getItem: async (key: string) => {
        await new Promise<void>((resolve) => (release = resolve))
        return memory.getItem(key)
      },
    }
    const store = createAgentRunStore({
      client: testClient(simulator.url),
      projectId: 7,
      storage: slow,
    })
    const restoring = store.restore()
    await settle()
    store.dispatch({ type: 'request_sent', request: { kind: 'run' }, projectId: 7 })
    release()
    expect(await restoring).toBe(false)
    expect(store.getState().status).toBe('submitting')
  })

  it('keeps a state mirrored before the restore began: an older snapshot never replaces it', async () => {
    const mirror = createAgentRunStore({
      client: testClient(simulator.url),
      projectId: 7,
      storage: await savedRun(),
    })
    // The owner tab's newer run reaches this one before its page asks storage.
    mirror.dispatch({ type: 'request_sent', request: { kind: 'run' }, projectId: 7 })
    mirror.dispatch({
      type: 'plan_ready',
      data: { jobId: 'job-newer', totalScenes: 8, estimatedMinutes: 2 },
    })
    const caughtUp = mirror.getState()
    expect(await mirror.restore()).toBe(false)
    expect(mirror.getState()).toBe(caughtUp)
  })
})
