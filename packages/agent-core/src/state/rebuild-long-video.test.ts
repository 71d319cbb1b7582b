import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAgentRunStore } from '../store/create-agent-run-store'
import {
  CREDENTIALS,
  expectLogRebuilds,
  keepLog,
  PROJECT_ID,
  postCount,
  runInput,
  setupTestSimulator,
  testClient,
} from '../test-utils'
import type { RunLogEntry } from './run-action'
import { createInitialRunState } from './run-state'

/**
 * One long video through everything a user meets: credit runs out twice, a top-up and a
 * resume each time, a scene that fails and is retried on its own. Four paid requests, one
 * log: folded from a fresh state it is the final state, also after a trip through JSON,
 * and every scene was generated once, by the one request whose stream completed it.
 */
const handle = setupTestSimulator()

/** The scenes each request's stream completed, request by request. */
function completedPerRequest(log: RunLogEntry[]): string[][] {
  const requests: string[][] = []
  for (const { action } of log) {
    if (action.type === 'request_sent') requests.push([])
    if (action.type === 'scene_complete') requests.at(-1)?.push(action.data.sceneId)
  }
  return requests
}

it('short of credit twice, a failed scene and its retry: the whole log rebuilds the run', {
  timeout: 60_000,
}, async () => {
  handle.simulator.admin.setUser(CREDENTIALS.email, { credits: 35 })
  const store = createAgentRunStore({
    client: testClient(handle.simulator.url),
    projectId: PROJECT_ID,
  })
  const log = keepLog(store)
  const initial = createInitialRunState(PROJECT_ID)

  expect(await store.start(runInput())).toMatchObject({ reason: 'done', success: false })
  expect(store.getState().creditShortage).toMatchObject({ totalScenes: 8 })
  expectLogRebuilds(log, store.getState(), initial, 'short of credit')

  handle.simulator.admin.setUser(CREDENTIALS.email, { addCredits: 20 })
  expect(await store.resume()).toMatchObject({ reason: 'done', success: false })
  expect(store.getState().creditShortage).not.toBeNull()
  expectLogRebuilds(log, store.getState(), initial, 'short of credit again')

  // The last scene not generated yet fails on the next resume.
  const jobId = store.getState().jobId as string
  const left = handle.simulator.admin
    .job(jobId)
    ?.scenes.flatMap((scene, index) => (scene.generations === 0 ? [index] : []))
  const failing = left?.at(-1) as number
  expect(left?.length).toBeGreaterThan(1)
  handle.simulator.admin.setUser(CREDENTIALS.email, { addCredits: 500 })
  handle.simulator.admin.setFaults({ failScenes: [failing] })
  expect(await store.resume()).toMatchObject({ reason: 'done', success: false })
  const sceneId = `scene-${failing + 1}`
  expect(store.getState().scenes[sceneId]?.status).toBe('failed')
  expectLogRebuilds(log, store.getState(), initial, 'a scene failed')

  expect(await store.retryScene(sceneId)).toMatchObject({ reason: 'done', success: true })
  const state = store.getState()
  expect(state.sceneOrder).toHaveLength(8)
  expect(Object.values(state.scenes).every((scene) => scene.status === 'complete')).toBe(true)
  expectLogRebuilds(log, state, initial, 'the whole story')

  expect(postCount(handle.simulator)).toBe(4)
  const requests = log.filter((entry) => entry.action.type === 'request_sent')
  expect(requests.map((entry) => entry.action)).toMatchObject([
    { request: { kind: 'run' } },
    { request: { kind: 'resume', jobId } },
    { request: { kind: 'resume', jobId } },
    { request: { kind: 'retry-scene', jobId, sceneId } },
  ])
  const completed = completedPerRequest(log)
  expect(completed.every((scenes) => scenes.length > 0)).toBe(true)
  expect(completed.at(-1)).toEqual([sceneId])
  // Each scene completed in exactly one request's stream, and was generated exactly once.
  expect(completed.flat().sort()).toEqual(state.sceneOrder.slice().sort())
  const job = handle.simulator.admin.job(jobId)
  expect(job?.scenes.map((scene) => scene.generations)).toEqual(Array(8).fill(1))
  expect(job?.scenes[failing]?.attempts).toBe(2)
})
