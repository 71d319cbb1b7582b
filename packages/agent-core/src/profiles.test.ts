import type { Composition } from '@kvidai/agent-protocol'
import { SIMULATOR_PROFILES, type SimulatorProfile } from '@kvidai/agent-sim'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAgentRunStore } from './store/create-agent-run-store'
import {
  PROJECT_ID,
  runInput,
  runsSettled,
  SHORT_EDIT,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from './test-utils'

/**
 * The core scenarios under every way a real server may fill in what the reference leaves
 * open (the simulator's profiles): a full run, a shortage and resume, a cut and resume, a
 * retried scene and a short edit. Each action is one POST, nothing is lost or made twice,
 * and every scenario ends with the same composition. The app's `onCheckpoint` throws
 * throughout; the runs go on. Silent tools are 250 ms against a 100 ms stall threshold.
 */
const SCENES = 6
const MESSAGE = `An explainer about lighthouses in ${SCENES} scenes`
const ODD_PAYLOADS: readonly SimulatorProfile[] = ['sparse', 'everything']
const SILENT_TOOLS: readonly SimulatorProfile[] = ['silent', 'everything']

/** What the run left on the server, without the fields a profile adds to it. */
function plain(composition: Composition | null | undefined): unknown {
  return JSON.parse(JSON.stringify(composition ?? null), (key, value) =>
    key === 'editorMeta' ? undefined : value,
  )
}

describe.each(SIMULATOR_PROFILES)('profile %s', (profile) => {
  let simulator: TestSimulator
  let reference: unknown
  const callbackErrors: string[] = []
  let stalls = 0

  beforeAll(async () => {
    simulator = await startTestSimulator({
      profile,
      sceneMs: 5,
      silentToolMs: 250,
      heartbeatMs: 40,
      credits: 100_000,
    })
  })
  afterAll(() => simulator.close())
  beforeEach(() => {
    simulator.admin.reset()
    callbackErrors.length = 0
    stalls = 0
  })

  function newStore(projectId = PROJECT_ID) {
    return createAgentRunStore({
      client: testClient(simulator.url, { stallAfterMs: 100 }),
      projectId,
      onCheckpoint() {
        throw new Error('the app broke while saving')
      },
      onCallbackError: (_error, callback) => callbackErrors.push(callback),
    })
  }

  function watchStalls(store: ReturnType<typeof newStore>) {
    return store.subscribe((state, previous) => {
      if (state.stalled && !previous.stalled) stalls++
    })
  }

  function posts() {
    const { byRoute } = simulator.admin.requests()
    return {
      run: byRoute['POST /api/agent'],
      resume: byRoute['POST /api/agent/resume'],
      retry: byRoute['POST /api/agent/retry-scene'],
    }
  }

  function generations(jobId: string | null) {
    return simulator.admin.job(jobId ?? '')?.scenes.map((scene) => scene.generations)
  }

  it('a full run reaches done with every scene once, whatever the callbacks do', async () => {
    const store = newStore()
    const unwatch = watchStalls(store)
    const outcome = await store.start(runInput({ message: MESSAGE }))
    unwatch()
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    const state = store.getState()
    expect(state.sceneOrder).toHaveLength(SCENES)
    expect(Object.values(state.scenes).every((scene) => scene.status === 'complete')).toBe(true)
    expect(generations(state.jobId)).toEqual(Array(SCENES).fill(1))
    expect(posts()).toEqual({ run: 1, resume: 0, retry: 0 })
    expect(callbackErrors.filter((name) => name === 'onCheckpoint').length).toBeGreaterThan(0)
    expect(state.warnings.length > 0).toBe(ODD_PAYLOADS.includes(profile))
    if (SILENT_TOOLS.includes(profile)) expect(stalls).toBeGreaterThan(0)
    expect(state.stalled).toBe(false)
    reference = plain(state.composition)
    expect(reference).toMatchObject({ tracks: expect.any(Array) })
  })

  it('a credit shortage, a top-up and one resume finish the same video', async () => {
    // Planning (5) and two scenes (10 each) are covered; the third is not.
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    const store = newStore()
    const first = await store.start(runInput({ message: MESSAGE }))
    expect(first).toMatchObject({ reason: 'done', success: false })
    expect(store.getState().creditShortage).not.toBe(null)
    const jobId = store.getState().jobId
    expect(store.getState().result?.resumeJobId).toBe(jobId)
    simulator.admin.setUser('demo@example.com', { addCredits: 1000 })
    const resumed = await store.resume()
    expect(resumed).toMatchObject({ reason: 'done', success: true })
    expect(store.getState().jobId).toBe(jobId)
    expect(generations(jobId)).toEqual(Array(SCENES).fill(1))
    expect(posts()).toEqual({ run: 1, resume: 1, retry: 0 })
    expect(plain(store.getState().composition)).toEqual(reference)
  })

  it('a cut connection is resumed once and loses nothing', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    const store = newStore()
    const first = await store.start(runInput({ message: MESSAGE }))
    expect(first).toEqual({ reason: 'interrupted', cause: 'network' })
    await runsSettled(simulator)
    const resumed = await store.resume()
    expect(resumed).toMatchObject({ reason: 'done', success: true })
    expect(generations(store.getState().jobId)).toEqual(Array(SCENES).fill(1))
    expect(posts()).toEqual({ run: 1, resume: 1, retry: 0 })
    expect(plain(store.getState().composition)).toEqual(reference)
  })

  it('a failed scene is retried on its own', async () => {
    simulator.admin.setFaults({ failScenes: [2] })
    const store = newStore()
    const first = await store.start(runInput({ message: MESSAGE }))
    expect(first).toMatchObject({ reason: 'done', success: false })
    const failed = Object.values(store.getState().scenes).find((scene) => scene.status === 'failed')
    expect(failed?.sceneIndex).toBe(2)
    const retried = await store.retryScene(failed?.sceneId ?? '')
    expect(retried).toMatchObject({ reason: 'done', success: true })
    expect(store.getState().scenes[failed?.sceneId ?? '']?.status).toBe('complete')
    expect(generations(store.getState().jobId)).toEqual(Array(SCENES).fill(1))
    expect(posts()).toEqual({ run: 1, resume: 0, retry: 1 })
    expect(plain(store.getState().composition)).toEqual(reference)
  })

  it('a short edit reaches done with its composition', async () => {
    const store = newStore()
    const unwatch = watchStalls(store)
    const outcome = await store.start(runInput({ message: SHORT_EDIT }))
    unwatch()
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    const items = Object.values(store.getState().composition?.items ?? {})
    expect(items).toEqual([expect.objectContaining({ type: 'text', text: 'Summer Sale' })])
    expect(posts()).toEqual({ run: 1, resume: 0, retry: 0 })
    if (SILENT_TOOLS.includes(profile)) expect(stalls).toBeGreaterThan(0)
  })

  it('a resume of another job keeps that job, and the next retry goes to it', async () => {
    // This tab shows job A, finished but for its first scene, which failed.
    simulator.admin.setFaults({ failScenes: [0] })
    const store = newStore()
    await store.start(runInput({ message: MESSAGE }))
    const jobA = store.getState().jobId as string
    // Another tab starts job B on the same project, and loses its connection.
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    const other = newStore()
    expect(await other.start(runInput({ message: MESSAGE }))).toMatchObject({
      reason: 'interrupted',
    })
    const jobB = other.getState().jobId as string
    expect(jobB).not.toBe(jobA)
    await runsSettled(simulator)

    // This tab resumes job B, found by check-resume; one of its scenes fails.
    simulator.admin.setFaults({ failScenes: [4] })
    const resumed = await store.resume(jobB)
    expect(resumed).toMatchObject({ reason: 'done', success: false })
    expect(store.getState().jobId).toBe(jobB)
    // Only job B's scenes are on the board, each as the server has it: job A's failed
    // first scene (complete in B before the cut) is not.
    const server = simulator.admin.job(jobB)?.scenes ?? []
    const shown = store.getState().sceneOrder
    expect(shown.length).toBeGreaterThan(0)
    for (const sceneId of shown) {
      const expected = server.find((scene) => scene.sceneId === sceneId)?.status
      expect(store.getState().scenes[sceneId]?.status, sceneId).toBe(expected)
    }

    const failed = server.find((scene) => scene.status === 'failed')
    expect(failed?.sceneIndex).toBe(4)
    expect(await store.retryScene(failed?.sceneId ?? '')).toMatchObject({ reason: 'done' })
    expect(generations(jobB)).toEqual(Array(SCENES).fill(1))
    // Job A was not touched: its failed scene is still failed, never generated.
    expect(simulator.admin.job(jobA)?.scenes[0]).toMatchObject({ status: 'failed', generations: 0 })
    expect(posts()).toEqual({ run: 2, resume: 1, retry: 1 })
  })
})
