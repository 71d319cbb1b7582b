/**
 * Drives a long video from a Node script: prints progress as scenes land, and when the
 * credits run short it tops up and resumes the same job until every scene is made.
 *
 * Against the local simulator (started here, 35 credits so it runs short):
 *   pnpm --filter @kvidai/agent-core example
 * Against the real API: set KVIDAI_BASE_URL, KVIDAI_API_KEY, KVIDAI_EMAIL, KVIDAI_PROJECT_ID.
 */
import { startSimulator } from '@kvidai/agent-sim/node'
import { type AgentRunState, createAgentClient, createAgentRunStore } from '../src/index'

const real = process.env.KVIDAI_API_KEY !== undefined
const simulator = real ? null : await startSimulator({ sceneMs: 150, credits: 35 })

const client = createAgentClient({
  baseUrl: process.env.KVIDAI_BASE_URL ?? simulator?.url ?? 'https://api.kvid.ai',
  apiKey: process.env.KVIDAI_API_KEY ?? 'kvid_demo_key',
  email: process.env.KVIDAI_EMAIL ?? 'demo@example.com',
})

function progress(state: AgentRunState): string {
  const scenes = state.sceneOrder.map((id) => state.scenes[id])
  const marks = scenes.map(
    (scene) =>
      ({ pending: '·', running: '▸', complete: '■', failed: '✗' })[scene?.status ?? 'pending'],
  )
  const total = state.plan?.totalScenes ?? 0
  return `[${marks.join('')}${'·'.repeat(Math.max(0, total - marks.length))}] ${state.status}`
}

const store = createAgentRunStore({
  client,
  projectId: Number(process.env.KVIDAI_PROJECT_ID ?? 1234),
  locale: 'en',
  onEvent(event) {
    if (event.type === 'plan_ready')
      console.log(`plan: ${event.data.totalScenes} scenes, job ${event.data.jobId}`)
    if (event.type === 'scene_complete' || event.type === 'scene_failed')
      console.log(progress(store.getState()))
    if (event.type === 'insufficient_credit') {
      console.log(
        `credits ran short after ${event.data.completedScenes} scenes (${event.data.remainingCredit} left)`,
      )
    }
  },
  onDone: (result) => console.log(`done: ${result.message}`),
  onError: (error) => console.error(`error: ${error.message}`),
})

try {
  let outcome = await store.start({
    message: 'Make a 30-second explainer about the new iPhone chip in 8 scenes.',
    composition: { tracks: [] },
  })
  for (let round = 1; round <= 5; round++) {
    const state = store.getState()
    const resumable = outcome.reason === 'interrupted' || Boolean(state.result?.resumeJobId)
    if (!resumable) break
    if (simulator) {
      console.log('topping up 100 credits and resuming…')
      simulator.admin.setUser('demo@example.com', { addCredits: 100 })
    } else if (outcome.reason !== 'interrupted') {
      console.log(`top up, then resume job ${state.result?.resumeJobId}`)
      break
    }
    outcome = await store.resume()
  }
  console.log(progress(store.getState()))
  const composition = store.getState().composition
  console.log(
    `final composition: ${composition?.tracks.length ?? 0} tracks, ${Object.keys(composition?.items ?? {}).length} items`,
  )
} finally {
  await simulator?.close()
}
