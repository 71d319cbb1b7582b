import type { Composition } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInitialRunState } from './state/run-state'
import { createAgentRunStore } from './store/create-agent-run-store'
import {
  expectLogRebuilds,
  keepLog,
  postCount,
  runInput,
  runsSettled,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from './test-utils'

/**
 * The promises under every failure we can stage: a 12-scene run cut, stalled or with a
 * failing scene at every point ends recoverable, keeps its last composition, and finishes
 * with every scene generated and charged exactly once — the same video as an unbroken run.
 */
const SCENES = 12
const MESSAGE = `An explainer about lighthouses in ${SCENES} scenes`
// tool_start, tool_end, plan_ready, then start, complete and checkpoint per scene, then done.
const EVENTS = 3 + SCENES * 3 + 1

let simulator: TestSimulator
let unbroken: Composition

beforeAll(async () => {
  simulator = await startTestSimulator({ sceneMs: 4, credits: 100_000 })
  const store = createAgentRunStore({ client: testClient(simulator.url), projectId: 1 })
  const outcome = await store.start(runInput({ message: MESSAGE, projectId: 1 }))
  expect(outcome.reason).toBe('done')
  unbroken = store.getState().composition as Composition
  expect(Object.keys(unbroken.items)).toHaveLength(SCENES * 3)
})
afterAll(() => simulator.close())

/** The store's log rebuilds its state, so the fault left nothing that was not an action. */
function expectLogged(
  log: ReturnType<typeof keepLog>,
  store: ReturnType<typeof createAgentRunStore>,
  what: string,
) {
  expectLogRebuilds(log, store.getState(), createInitialRunState(1), what)
}

async function finishAndCheck(
  store: ReturnType<typeof createAgentRunStore>,
  log: ReturnType<typeof keepLog>,
  what: string,
) {
  // The server lets the run go the moment it sees the connection end.
  await runsSettled(simulator)
  if (simulator.admin.jobs()[0]?.status === 'resumable') {
    expect(await store.checkResume()).toMatchObject({ jobId: simulator.admin.jobs()[0]?.jobId })
  }
  // Resuming a job the server already finished (only `done` was lost) costs nothing and
  // brings the final composition.
  const resumed = await store.resume()
  expect(resumed.reason).toBe('done')
  const [job] = simulator.admin.jobs()
  expect(job?.scenes.map((scene) => scene.generations)).toEqual(Array(SCENES).fill(1))
  expect(job?.scenes.map((scene) => scene.charged)).toEqual(Array(SCENES).fill(10))
  expect(store.getState().composition).toEqual(unbroken)
  expect(Object.values(store.getState().scenes).every((scene) => scene.status === 'complete')).toBe(
    true,
  )
  expectLogged(log, store, `${what}, resumed`)
}

function lastCheckpoint(seen: Array<{ type: string; data: unknown }>): Composition | null {
  const checkpoints = seen.filter((event) => event.type === 'checkpoint')
  const last = checkpoints.at(-1)?.data as { composition: Composition } | undefined
  return last?.composition ?? null
}

describe('fault matrix', () => {
  it(`a cut after each event 1…${EVENTS - 1}: interrupted, nothing lost, resumed once`, {
    timeout: 120_000,
  }, async () => {
    for (let cut = 1; cut < EVENTS; cut++) {
      // The last round's resume may still be closing on the server: reset once it has.
      await runsSettled(simulator)
      simulator.admin.reset()
      simulator.admin.setUser('demo@example.com', { credits: 100_000 })
      simulator.admin.setFaults({ cutAfterEvents: cut })
      const seen: Array<{ type: string; data: unknown }> = []
      const store = createAgentRunStore({
        client: testClient(simulator.url),
        projectId: 1,
        onEvent: (event) => seen.push(event),
      })
      const log = keepLog(store)
      const outcome = await store.start(runInput({ message: MESSAGE, projectId: 1 }))
      expect(outcome.reason, `cut after ${cut}`).toBe('interrupted')
      expect(seen).toHaveLength(cut)
      expect(store.getState().status).toBe('interrupted')
      expect(store.getState().composition).toBe(lastCheckpoint(seen))
      expectLogged(log, store, `cut after ${cut}`)
      await finishAndCheck(store, log, `cut after ${cut}`)
      expect(postCount(simulator)).toBe(2)
    }
  })

  it('a stall after each event: the idle watchdog interrupts, and resume finishes', {
    timeout: 120_000,
  }, async () => {
    for (let stall = 1; stall < EVENTS; stall++) {
      // The last round's resume may still be closing on the server: reset once it has.
      await runsSettled(simulator)
      simulator.admin.reset()
      simulator.admin.setUser('demo@example.com', { credits: 100_000 })
      simulator.admin.setFaults({ stallAfterEvents: stall })
      // A short watchdog for the run that stalls; the usual one for the resume, which must
      // not be cut short on a busy machine.
      const watchful = testClient(simulator.url, { idleTimeoutMs: 150 })
      const patient = testClient(simulator.url)
      const store = createAgentRunStore({
        client: { ...patient, run: watchful.run },
        projectId: 1,
      })
      const log = keepLog(store)
      const where = (error: Error) => {
        const jobs = simulator.admin.jobs().map((job) => job.status)
        throw new Error(`stall after ${stall}: ${error.message} ${JSON.stringify(jobs)}`)
      }
      const outcome = await store.start(runInput({ message: MESSAGE, projectId: 1 })).catch(where)
      expect(outcome, `stall after ${stall}`).toMatchObject({
        reason: 'interrupted',
        cause: 'idle',
      })
      expectLogged(log, store, `stall after ${stall}`)
      await finishAndCheck(store, log, `stall after ${stall}`).catch(where)
      expect(postCount(simulator)).toBe(2)
    }
  })

  it('each scene failing once, then retried on its own', { timeout: 120_000 }, async () => {
    for (let failing = 0; failing < SCENES; failing++) {
      // The last round's resume may still be closing on the server: reset once it has.
      await runsSettled(simulator)
      simulator.admin.reset()
      simulator.admin.setUser('demo@example.com', { credits: 100_000 })
      simulator.admin.setFaults({ failScenes: [failing] })
      const store = createAgentRunStore({ client: testClient(simulator.url), projectId: 1 })
      const log = keepLog(store)
      const first = await store.start(runInput({ message: MESSAGE, projectId: 1 }))
      expect(first).toMatchObject({ reason: 'done', success: false })
      const sceneId = `scene-${failing + 1}`
      expect(store.getState().scenes[sceneId]?.status).toBe('failed')
      expectLogged(log, store, `scene ${failing} failed`)
      const retried = await store.retryScene(sceneId)
      expect(retried).toMatchObject({ reason: 'done', success: true })
      const [job] = simulator.admin.jobs()
      expect(job?.scenes.map((scene) => scene.generations)).toEqual(Array(SCENES).fill(1))
      expect(job?.scenes[failing]?.attempts).toBe(2)
      expect(job?.scenes.map((scene) => scene.charged)).toEqual(Array(SCENES).fill(10))
      expect(store.getState().composition).toEqual(unbroken)
      expect(simulator.admin.requests().byRoute['POST /api/agent/retry-scene']).toBe(1)
      expectLogged(log, store, `scene ${failing} retried`)
    }
  })
})
