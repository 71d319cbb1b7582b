import type { ResumableJob } from '@kvidai/agent-protocol'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createRunObserver } from '../observer/create-run-observer'
import { storeResumeCheck } from '../observer/resume-check-source'
import {
  CREDENTIALS,
  runInput,
  runsSettled,
  SHORT_EDIT,
  startTestSimulator,
  type TestSimulator,
  waitFor,
} from '../test-utils'
import { createAgentRunRegistry } from './create-agent-run-registry'

let simulator: TestSimulator
beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

/** Every POST body the registry's client sends. */
function recordingFetch(bodies: Array<Record<string, unknown>>): typeof fetch {
  return async (input, init) => {
    if (init?.method === 'POST') bodies.push(JSON.parse(String(init.body)))
    return fetch(input, init)
  }
}

function registryFor(options: Partial<Parameters<typeof createAgentRunRegistry>[0]> = {}) {
  return createAgentRunRegistry({ baseUrl: simulator.url, ...CREDENTIALS, ...options })
}

describe('createAgentRunRegistry', () => {
  it('keeps one store per project, made on first use', () => {
    const registry = registryFor()
    expect(registry.store(1)).toBe(registry.store(1))
    expect(registry.store(2)).not.toBe(registry.store(1))
    expect(registry.store(2).getState().projectId).toBe(2)
  })

  it('lists the projects whose stores it made, in order, without making any', () => {
    const registry = registryFor()
    expect(registry.projects()).toEqual([])
    registry.store(7)
    registry.store(3)
    registry.store(7)
    expect(registry.projects()).toEqual([7, 3])
  })

  it('stops a run when its last hold is released, and not before', async () => {
    const registry = registryFor()
    const first = registry.hold(1)
    const second = registry.hold(1)
    simulator.admin.setFaults({ stallAfterEvents: 4 })
    const running = registry.store(1).start(runInput({ projectId: 1 }))
    await waitFor(() => registry.store(1).getState().status === 'streaming')
    first()
    expect(registry.store(1).getState().status).toBe('streaming')
    second()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(registry.store(1).getState().status).toBe('stopped')
  })

  it('keeps the run going after the last hold with stopWhenReleased false', async () => {
    const registry = registryFor({ stopWhenReleased: false })
    const release = registry.hold(1)
    const running = registry.store(1).start(runInput({ projectId: 1 }))
    release()
    expect(await running).toMatchObject({ reason: 'done', success: true })
  })

  it('fans each event out to every observer; one that throws is reported, the rest still hear', async () => {
    const reported: string[] = []
    const telemetry: Array<{ reason: string; projectId: number }> = []
    const registry = registryFor({
      onCallbackError: (_error, callback) => reported.push(callback),
      onFinish: (finish) => telemetry.push({ reason: finish.reason, projectId: finish.projectId }),
    })
    let heard = 0
    let stale = 0
    let latest = 0
    const broken = createRunObserver(registry, {
      projectId: 3,
      onEvent: () => {
        throw new Error('broken listener')
      },
    })
    const counting = createRunObserver(registry, { projectId: 3, onEvent: () => heard++ })
    const swapped = createRunObserver(registry, { projectId: 3, onEvent: () => stale++ })
    broken.subscribe(() => {})
    counting.subscribe(() => {})
    const unsubscribe = swapped.subscribe(() => {})
    // New options swap the callbacks: the latest ones answer.
    swapped.setOptions({ projectId: 3, onEvent: () => latest++ })
    await registry.store(3).start(runInput({ projectId: 3, message: SHORT_EDIT }))
    expect(heard).toBeGreaterThan(0)
    expect(latest).toBe(heard)
    expect(stale).toBe(0)
    expect(reported).toHaveLength(heard)
    expect(telemetry).toEqual([{ reason: 'done', projectId: 3 }])
    unsubscribe()
    await registry.store(3).start(runInput({ projectId: 3, message: SHORT_EDIT }))
    expect(latest).toBeLessThan(heard)
  })

  it('applies new options to the next request: locale, and a new client when the endpoint changes', async () => {
    const bodies: Array<Record<string, unknown>> = []
    const registry = registryFor({ fetch: recordingFetch(bodies), locale: 'en' })
    const store = registry.store(1)
    simulator.admin.setFaults({ failScenes: [0] })
    await store.start(runInput({ projectId: 1 }))
    registry.setOptions({ locale: 'ko' })
    await store.retryScene('scene-1')
    expect(bodies.map((body) => body.locale)).toEqual(['en', 'ko'])

    const other: Array<Record<string, unknown>> = []
    registry.setOptions({ fetch: recordingFetch(other) })
    await store.start(runInput({ projectId: 1, message: SHORT_EDIT }))
    expect(bodies).toHaveLength(2)
    expect(other).toHaveLength(1)
  })

  it('marks the resume check stale when a run stops streaming, however it ended', async () => {
    const ended: number[] = []
    const registry = registryFor({
      resumeCheck: (projectId, store) => ({
        ...storeResumeCheck(store),
        stale: (refetch) => {
          if (!refetch) ended.push(projectId)
        },
      }),
    })
    simulator.admin.setFaults({ reject: 'INSUFFICIENT_CREDIT' })
    await registry
      .store(5)
      .start(runInput({ projectId: 5 }))
      .catch(() => {})
    await registry.store(6).start(runInput({ projectId: 6, message: SHORT_EDIT }))
    expect(ended).toEqual([5, 6])
  })

  it('asks again twice after a stop, so a check that came too early is redone, unless a request started since', async () => {
    const asks: Array<{ projectId: number; refetch: boolean }> = []
    let cached: ResumableJob | null | undefined
    const registry = registryFor({
      resumeCheck: (projectId, store) => ({
        ...storeResumeCheck(store),
        cached: () => cached,
        stale: (refetch) => asks.push({ projectId, refetch }),
      }),
    })
    simulator.admin.setFaults({ stallAfterEvents: 6 })
    const store = registry.store(1)
    const run = store.start(runInput({ projectId: 1 }))
    await waitFor(() => store.getState().jobId)
    store.stop()
    await run
    expect(asks).toEqual([{ projectId: 1, refetch: false }])
    await waitFor(() => asks.length === 3, { timeoutMs: 5000 })
    expect(asks.slice(1)).toEqual([
      { projectId: 1, refetch: true },
      { projectId: 1, refetch: true },
    ])

    // An answer that already has the job needs no reminder.
    asks.length = 0
    await runsSettled(simulator)
    simulator.admin.setFaults({ stallAfterEvents: 2 })
    const first = store.resume()
    await waitFor(() => simulator.admin.activeRuns().length === 1)
    store.stop()
    await first
    cached = { jobId: store.getState().jobId as string, remainingScenes: 1, totalScenes: 8 }
    await new Promise((resolve) => setTimeout(resolve, 2200))
    expect(asks).toEqual([{ projectId: 1, refetch: false }])

    // A request soon after a stop supersedes the reminders of the stop.
    asks.length = 0
    cached = undefined
    await runsSettled(simulator)
    simulator.admin.setFaults({ stallAfterEvents: 2 })
    const resume = store.resume()
    await waitFor(() => simulator.admin.activeRuns().length === 1)
    store.stop()
    await resume
    await runsSettled(simulator)
    await registry.store(1).start(runInput({ projectId: 1, message: SHORT_EDIT }))
    await new Promise((resolve) => setTimeout(resolve, 2200))
    expect(asks.map((ask) => ask.refetch)).toEqual([false, false])
  })
})

describe('restore after a reload', () => {
  it('keeps a snapshot whose job the server still has, and asks once', async () => {
    const storage = createMemoryStorage()
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    await registryFor({ storage })
      .store(1)
      .start(runInput({ projectId: 1 }))
    await new Promise((resolve) => setTimeout(resolve, 10))

    let checks = 0
    const reloaded = registryFor({
      storage,
      resumeCheck: (_projectId, store) => ({
        ...storeResumeCheck(store),
        fetch: () => {
          checks++
          return store.checkResume()
        },
      }),
    })
    await reloaded.restore(1)
    expect(checks).toBe(1)
    expect(reloaded.store(1).getState()).toMatchObject({ status: 'done', success: false })
    expect(reloaded.store(1).getState().jobId).toBe(simulator.admin.jobs()[0]?.jobId)
  })

  it('lets a snapshot go when the server has nothing to resume', async () => {
    const storage = createMemoryStorage()
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    await registryFor({ storage })
      .store(1)
      .start(runInput({ projectId: 1 }))
    await new Promise((resolve) => setTimeout(resolve, 10))
    // Finished elsewhere meanwhile: nothing is left to resume.
    simulator.admin.reset()
    const reloaded = registryFor({ storage })
    await reloaded.restore(1)
    expect(reloaded.store(1).getState().status).toBe('idle')
    await waitFor(() => storage.data.size === 0)
  })

  it('asks twice more about a run that was streaming before letting it go', async () => {
    const storage = createMemoryStorage()
    simulator.admin.setFaults({ stallAfterEvents: 4 })
    const before = registryFor({ storage })
    void before.store(1).start(runInput({ projectId: 1 }))
    await waitFor(() => storage.data.size > 0)
    before.stopAll()
    simulator.admin.reset()
    let checks = 0
    const reloaded = registryFor({
      storage,
      resumeCheck: (_projectId, store) => ({
        ...storeResumeCheck(store),
        fetch: () => {
          checks++
          return Promise.resolve(null)
        },
      }),
    })
    await reloaded.restore(1)
    expect(checks).toBe(3)
    expect(reloaded.store(1).getState().status).toBe('idle')
  })
})
