import { beforeAll, describe, expect, it, type OnTestFinishedHandler } from 'vitest'
import { SIMULATOR_PROFILES, type SimulatorProfile } from './profiles'
import { createSimulator, type Simulator } from './simulator'
import { checkResume, names, post, readEvents, referenceEvents, runBody } from './test-support'

const BASE = 'http://sim.test'
const OWNER = { email: 'demo@example.com', apiKey: 'kvid_demo_key' }
const TITLE = "Add a centered title 'Summer Sale' for 3 seconds."
const TIMINGS = { sceneMs: 10, heartbeatMs: 50, silentToolMs: 300, seed: 5 }

async function play(simulator: Simulator, path: string, body: unknown) {
  return readEvents(await post(simulator.fetch, BASE, path, body))
}

function done(result: Awaited<ReturnType<typeof play>>) {
  const last = result.events.at(-1)
  expect(last?.event).toBe('done')
  return last?.json
}

/** A composition without the field `extra-fields` adds to every track and item. */
function withoutExtras(composition: any) {
  const plain = (entry: Record<string, unknown>) => {
    const { editorMeta: _, ...rest } = entry
    return rest
  }
  return {
    ...composition,
    tracks: composition.tracks.map(plain),
    items: Object.fromEntries(
      Object.entries(composition.items).map(([id, item]) => [id, plain(item as any)]),
    ),
  }
}

/** What an unbroken run and a short edit end with under `standard`. */
const expected: { video?: unknown; edit?: unknown } = {}

beforeAll(async () => {
  const standard = createSimulator(TIMINGS)
  expected.video = done(await play(standard, '/api/agent', runBody())).data.composition
  expected.edit = done(
    await play(standard, '/api/agent', runBody({ message: TITLE })),
  ).data.composition
  await standard.close()
})

describe.each(SIMULATOR_PROFILES)('profile %s', (profile: SimulatorProfile) => {
  /** A simulator of this profile for one test; the tests of a profile run at once. */
  function simulate(onTestFinished: (handler: OnTestFinishedHandler) => void): Simulator {
    const simulator = createSimulator({ ...TIMINGS, profile })
    onTestFinished(() => simulator.close())
    return simulator
  }

  it.concurrent('runs a long video into a credit shortage, and resume finishes every scene exactly once', async ({
    onTestFinished,
  }) => {
    const simulator = simulate(onTestFinished)
    simulator.admin.setUser(OWNER.email, { credits: 35 })
    const first = await play(simulator, '/api/agent', runBody())
    expect(names(first)).toContain('insufficient_credit')
    const stopped = done(first)
    expect(stopped.success).toBe(false)
    expect(stopped.data).toMatchObject({ remainingScenes: 5, totalScenes: 8 })
    const check = await checkResume(simulator.fetch, BASE)
    expect(check.body.data).toMatchObject({ jobId: stopped.data.resumeJobId, remainingScenes: 5 })

    simulator.admin.setUser(OWNER.email, { addCredits: 100 })
    const resumed = await play(simulator, '/api/agent/resume', {
      jobId: stopped.data.resumeJobId,
      ...OWNER,
    })
    expect(names(resumed).filter((name) => name === 'scene_start')).toHaveLength(5)
    const finished = done(resumed)
    expect(finished.success).toBe(true)
    expect(withoutExtras(finished.data.composition)).toEqual(expected.video)

    const [job] = simulator.admin.jobs()
    // What a profile adds stays on the wire; the job keeps the plain composition.
    expect(job?.composition).toEqual(expected.video)
    expect(job?.scenes.map((scene) => scene.generations)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
    expect(job?.scenes.map((scene) => scene.charged)).toEqual([10, 10, 10, 10, 10, 10, 10, 10])
    expect(simulator.admin.getUser(OWNER.email)?.credits).toBe(135 - 5 - 80)
    expect(simulator.admin.requests().byRoute).toMatchObject({
      'POST /api/agent': 1,
      'POST /api/agent/resume': 1,
    })
    expect((await checkResume(simulator.fetch, BASE)).body.data).toBeNull()
  })

  it.concurrent('cuts after the same protocol events as any profile, and resume makes the rest', async ({
    onTestFinished,
  }) => {
    const simulator = simulate(onTestFinished)
    simulator.admin.setFaults({ cutAfterEvents: 6 })
    const cut = await play(simulator, '/api/agent', runBody())
    expect(cut.ending).toBe('error')
    expect(referenceEvents(cut)).toHaveLength(6)
    const jobId = simulator.admin.jobs()[0]?.jobId
    const resumed = await play(simulator, '/api/agent/resume', { jobId, ...OWNER })
    expect(withoutExtras(done(resumed).data.composition)).toEqual(expected.video)
    const job = simulator.admin.job(jobId as string)
    expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  })

  it.concurrent('retries one failed scene for its job', async ({ onTestFinished }) => {
    const simulator = simulate(onTestFinished)
    simulator.admin.setFaults({ failScenes: [2] })
    const first = await play(simulator, '/api/agent', runBody())
    const jobId = done(first).data.resumeJobId
    const retry = await play(simulator, '/api/agent/retry-scene', {
      jobId,
      sceneId: 'scene-3',
      ...OWNER,
    })
    expect(referenceEvents(retry).map((event) => event.event)).toEqual([
      'scene_start',
      'scene_complete',
      'done',
    ])
    expect(withoutExtras(done(retry).data.composition)).toEqual(expected.video)
    expect(simulator.admin.job(jobId)?.scenes[2]).toMatchObject({ attempts: 2, generations: 1 })
  })

  it.concurrent('brings a short edit to done with the composition standard gives', async ({
    onTestFinished,
  }) => {
    const simulator = simulate(onTestFinished)
    const edit = await play(simulator, '/api/agent', runBody({ message: TITLE }))
    expect(referenceEvents(edit).map((event) => event.event)).toEqual([
      'tool_start',
      'tool_end',
      'done',
    ])
    const result = done(edit)
    expect(result.success).toBe(true)
    expect(withoutExtras(result.data.composition)).toEqual(expected.edit)
  })
})
