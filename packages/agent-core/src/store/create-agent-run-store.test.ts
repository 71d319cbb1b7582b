// The store's behaviour end to end against the simulator: one file, past 300 lines, because
// its runs share one simulator and its helpers; the callbacks and the log have files of their own.
import type { Composition } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AgentRequestError, AgentStoreError } from '../errors/agent-errors'
import {
  PROJECT_ID,
  postCount,
  runInput,
  runsSettled,
  startTestSimulator,
  type TestSimulator,
  testClient,
  waitFor,
} from '../test-utils'
import {
  type AgentRunFinish,
  type AgentRunStoreOptions,
  createAgentRunStore,
} from './create-agent-run-store'
import type { RunStorage } from './run-storage'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

function storeFor(options: Partial<AgentRunStoreOptions> = {}, idleTimeoutMs?: number) {
  const client = testClient(simulator.url, idleTimeoutMs ? { idleTimeoutMs } : {})
  return createAgentRunStore({ client, projectId: PROJECT_ID, ...options })
}

function everySceneOnce(jobId: string | null) {
  const job = simulator.admin.job(jobId ?? '')
  expect(job?.scenes).toHaveLength(8)
  expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
}

async function resumeWhenFree(store: ReturnType<typeof storeFor>) {
  // The server frees the job a moment after the connection goes.
  const job = await waitFor(() => store.checkResume())
  expect(job.jobId).toBe(store.getState().jobId)
  return store.resume(job.jobId)
}

describe('createAgentRunStore', () => {
  it('runs a long video to done and calls back along the way', async () => {
    const onCheckpoint = vi.fn()
    const onDone = vi.fn()
    const onEvent = vi.fn()
    const store = storeFor({ onCheckpoint, onDone, onEvent })
    const statuses = new Set<string>()
    store.subscribe((state) => statuses.add(state.status))
    const outcome = await store.start(runInput())
    expect(outcome.reason).toBe('done')
    const state = store.getState()
    expect(state.status).toBe('done')
    expect([...statuses]).toEqual(['submitting', 'streaming', 'done'])
    expect(state.sceneOrder).toHaveLength(8)
    expect(Object.values(state.scenes).every((scene) => scene.status === 'complete')).toBe(true)
    expect(onCheckpoint).toHaveBeenCalledTimes(8)
    expect(onDone).toHaveBeenCalledWith(state.result, true)
    const types = onEvent.mock.calls.map(([event]) => event.type)
    expect(types[0]).toBe('tool_start')
    expect(types.filter((type) => type === 'scene_complete')).toHaveLength(8)
    expect(types.at(-1)).toBe('done')
    expect(state.composition).toEqual(state.result?.composition)
    everySceneOnce(state.jobId)
  })

  it('refuses a second run-like request while one is in flight, sending nothing', async () => {
    const store = storeFor()
    const first = store.start(runInput())
    for (const second of [
      () => store.start(runInput()),
      () => store.resume('job_x'),
      () => store.retryScene('scene-1'),
    ]) {
      const refusal = await second().catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(AgentStoreError)
      expect(refusal).toMatchObject({ code: 'RUN_IN_FLIGHT' })
    }
    expect((await first).reason).toBe('done')
    expect(postCount(simulator)).toBe(1)
  })

  it('keeps the last checkpoint through a cut, then resumes every scene exactly once', async () => {
    let lastCheckpoint: Composition | undefined
    const store = storeFor({ onCheckpoint: (composition) => (lastCheckpoint = composition) })
    simulator.admin.setFaults({ cutAfterEvents: 10 })
    expect(await store.start(runInput())).toEqual({ reason: 'interrupted', cause: 'network' })
    const interrupted = store.getState()
    expect(interrupted.status).toBe('interrupted')
    expect(lastCheckpoint).toBeDefined()
    expect(interrupted.composition).toBe(lastCheckpoint)
    expect(Object.values(interrupted.scenes).some((scene) => scene.status === 'running')).toBe(
      false,
    )
    expect(postCount(simulator)).toBe(1)

    const completedBefore = interrupted.sceneOrder.filter(
      (id) => interrupted.scenes[id]?.status === 'complete',
    )
    const outcome = await resumeWhenFree(store)
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    const state = store.getState()
    for (const id of completedBefore) expect(state.scenes[id]).toBe(interrupted.scenes[id])
    expect(state.sceneOrder).toHaveLength(8)
    expect(Object.values(state.scenes).every((scene) => scene.status === 'complete')).toBe(true)
    everySceneOnce(state.jobId)
    expect(postCount(simulator)).toBe(2)
  })

  it('is interrupted by a stall, keeps the composition, and resumes', async () => {
    const store = storeFor({}, 150)
    simulator.admin.setFaults({ stallAfterEvents: 9 })
    expect(await store.start(runInput())).toEqual({ reason: 'interrupted', cause: 'idle' })
    const interrupted = store.getState()
    expect(interrupted.status).toBe('interrupted')
    expect(interrupted.composition).not.toBeNull()
    expect((await resumeWhenFree(store)).reason).toBe('done')
    everySceneOnce(store.getState().jobId)
  })

  it('stops at a credit shortage and resumes from the done event after a top-up', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    const store = storeFor()
    const outcome = await store.start(runInput())
    expect(outcome).toMatchObject({ reason: 'done', success: false })
    const short = store.getState()
    expect(short.creditShortage).toMatchObject({ totalScenes: 8, estPerScene: 10 })
    expect(short.result?.resumeJobId).toBe(short.jobId)
    expect(short.result?.remainingScenes).toBeGreaterThan(0)

    simulator.admin.setUser('demo@example.com', { addCredits: 500 })
    expect(await store.resume()).toMatchObject({ reason: 'done', success: true })
    const state = store.getState()
    expect(state.creditShortage).toBeNull()
    expect(state.result?.messageKey).toBe('Agent.longVideo.resume.done.complete')
    everySceneOnce(state.jobId)
  })

  it('retries one failed scene and leaves the others alone', async () => {
    simulator.admin.setFaults({ failScenes: [2] })
    const store = storeFor()
    expect(await store.start(runInput())).toMatchObject({ reason: 'done', success: false })
    const before = store.getState()
    expect(before.scenes['scene-3']).toMatchObject({ status: 'failed', error: expect.any(String) })
    expect(await store.retryScene('scene-3')).toMatchObject({ reason: 'done', success: true })
    const after = store.getState()
    expect(after.scenes['scene-3']).toMatchObject({ status: 'complete', attempts: 2 })
    expect(after.scenes['scene-3']?.error).toBeUndefined()
    for (const id of before.sceneOrder.filter((id) => id !== 'scene-3')) {
      expect(after.scenes[id]).toBe(before.scenes[id])
    }
    expect(simulator.admin.requests().byRoute['POST /api/agent/retry-scene']).toBe(1)
  })

  it('records a reject, keeps the composition, and reports the error', async () => {
    const onError = vi.fn()
    const store = storeFor({ onError })
    await store.start(runInput())
    const composition = store.getState().composition
    simulator.admin.setFaults({ reject: 'CONCURRENT_LIMIT' })
    await expect(store.start(runInput())).rejects.toBeInstanceOf(AgentRequestError)
    const state = store.getState()
    expect(state.status).toBe('rejected')
    expect(state.error).toMatchObject({ code: 'CONCURRENT_LIMIT' })
    expect(state.composition).toBe(composition)
    expect(onError).toHaveBeenCalledWith(state.error)
  })

  it('stops on request and says NO_JOB when there is nothing to resume', async () => {
    const store = storeFor()
    const running = store.start(runInput())
    await waitFor(() => store.getState().sceneOrder.length > 0)
    store.stop()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(store.getState().status).toBe('stopped')
    store.reset()
    expect(store.getState()).toEqual(store.getInitialState())
    await expect(store.retryScene('scene-1')).rejects.toMatchObject({ code: 'NO_JOB' })
    expect(store.getState().status).toBe('idle')
  })

  it('saves a JSON snapshot and restores it into a new store', async () => {
    const saved = new Map<string, string>()
    const storage: RunStorage = {
      getItem: async (key) => saved.get(key) ?? null,
      setItem: (key, value) => void saved.set(key, value),
      removeItem: (key) => void saved.delete(key),
    }
    simulator.admin.setFaults({ cutAfterEvents: 10 })
    const store = storeFor({ storage })
    await store.start(runInput())
    const snapshot = store.toSnapshot()
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
    await waitFor(() => saved.get(`kvidai-agent-run:${PROJECT_ID}`))

    const reloaded = storeFor({ storage })
    expect(await reloaded.restore()).toBe(true)
    const restored = reloaded.getState()
    expect(restored).toMatchObject({
      status: 'interrupted',
      jobId: snapshot.jobId,
      projectId: PROJECT_ID,
    })
    expect(restored.composition).toEqual(snapshot.composition)
    expect(restored.sceneOrder).toEqual(snapshot.sceneOrder)

    const fromSnapshot = storeFor()
    fromSnapshot.fromSnapshot({ ...snapshot, status: 'streaming' })
    expect(fromSnapshot.getState().status).toBe('interrupted')
    expect((await resumeWhenFree(reloaded)).reason).toBe('done')
    everySceneOnce(reloaded.getState().jobId)

    reloaded.reset()
    await waitFor(() => !saved.has(`kvidai-agent-run:${PROJECT_ID}`))
  })
})

describe('onFinish', () => {
  it('reports every ending once, with its request', async () => {
    const finishes: AgentRunFinish[] = []
    const store = storeFor({ onFinish: (finish) => finishes.push(finish) })

    await store.start(runInput())
    simulator.admin.setFaults({ reject: 'INSUFFICIENT_CREDIT' })
    await store.start(runInput()).catch(() => {})
    simulator.admin.setFaults({ cutAfterEvents: 4 })
    await store.start(runInput())
    await runsSettled(simulator)
    simulator.admin.setFaults({ delayMs: 5000 })
    const stopped = store.resume()
    await waitFor(() => store.getState().status === 'submitting')
    store.stop()
    await stopped
    const errorStream = createAgentRunStore({
      client: testClient('http://sim.local', {
        fetch: async () =>
          new Response('event: error\ndata: {"error":"ZOMBIE_TIMEOUT"}\n\n', {
            headers: { 'content-type': 'text/event-stream' },
          }),
      }),
      projectId: 1,
      onFinish: (finish) => finishes.push(finish),
    })
    await errorStream.start(runInput())

    expect(finishes.map((finish) => finish.reason)).toEqual([
      'done',
      'rejected',
      'interrupted',
      'stopped',
      'failed',
    ])
    expect(finishes[0]).toMatchObject({ request: { kind: 'run' }, success: true })
    expect(finishes[1]).toMatchObject({ error: { code: 'INSUFFICIENT_CREDIT' } })
    expect(finishes[2]).toMatchObject({ cause: 'network' })
    expect(finishes[3]).toMatchObject({ request: { kind: 'resume' } })
    expect(finishes[4]).toMatchObject({ error: { code: 'ZOMBIE_TIMEOUT' } })
  })

  it('does not report a call that sent nothing', async () => {
    const onFinish = vi.fn()
    const store = storeFor({ onFinish })
    await store.retryScene('scene-1').catch(() => {})
    await store.startAgain().catch(() => {})
    expect(onFinish).not.toHaveBeenCalled()
    expect(postCount(simulator)).toBe(0)
  })
})

describe('startAgain', () => {
  it('re-sends the refused start exactly as it was, once per call', async () => {
    const bodies: unknown[] = []
    const client = testClient(simulator.url, {
      fetch: async (input, init) => {
        if (init?.method === 'POST') bodies.push(JSON.parse(String(init.body)))
        return fetch(input, init)
      },
    })
    const store = createAgentRunStore({ client, projectId: PROJECT_ID })
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const input = runInput({
      chatHistory: [{ role: 'user', content: 'earlier' }],
      templateId: 'sod',
      composition: { tracks: [{ id: 'track-1', items: [] }] },
    })
    const refused = await store.start(input).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_CREDIT' })
    expect(store.getState().status).toBe('rejected')

    simulator.admin.setUser('demo@example.com', { credits: 1000 })
    expect(await store.startAgain()).toMatchObject({ reason: 'done', success: true })
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toEqual(bodies[0])
    expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(2)
  })

  it('refuses with NO_RUN when nothing was started, sending nothing', async () => {
    const failure = await storeFor()
      .startAgain()
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AgentStoreError)
    expect(failure).toMatchObject({ code: 'NO_RUN' })
    expect(postCount(simulator)).toBe(0)
  })
})
