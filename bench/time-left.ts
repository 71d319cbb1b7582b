// Figure 6 — the time left of an 8-scene video against the simulator's scene timings: when 3
// of 8 scenes are done, the estimate is compared with the time the run actually took to end.
// Several seeds, so the scene durations (0.6–1.4 × sceneMs, three at a time) differ per run.
import {
  createAgentClient,
  createAgentRunStore,
  scenePaceOf,
  selectTimeLeft,
} from '@kvidai/agent-core'
import { forkSimulator } from './lib/fork-simulator'
import { API_KEY, EMAIL } from './lib/recording'
import { round } from './lib/stats'

const TOLERANCE = 0.3

export async function runTimeLeft({ seeds = [1, 2, 3, 4, 5, 6, 7, 8], sceneMs = 400 } = {}) {
  const runs: Array<{ seed: number; estimatedMs: number; actualMs: number; error: number }> = []
  for (const seed of seeds) {
    const simulator = await forkSimulator({ sceneMs, seed, credits: 1e6 })
    try {
      const client = createAgentClient({ baseUrl: simulator.url, apiKey: API_KEY, email: EMAIL })
      const store = createAgentRunStore({ client, projectId: 1 })
      // Kept from the first action on, as the registry does for its stores.
      scenePaceOf(store)
      let completed = 0
      let estimate: { at: number; remainingMs: number } | null = null
      store.subscribeActions(({ action, at }) => {
        if (action.type !== 'scene_complete' || ++completed !== 3) return
        const timeLeft = selectTimeLeft(store, at)
        if (timeLeft) estimate = { at, remainingMs: timeLeft.remainingMs }
      })
      await store.start({
        message: 'Make a 30-second explainer about the new iPhone chip in 8 scenes.',
        composition: { tracks: [] },
      })
      const ended = Date.now()
      const taken = estimate as { at: number; remainingMs: number } | null
      if (!taken) throw new Error(`seed ${seed}: no estimate after 3 scenes`)
      const actualMs = ended - taken.at
      runs.push({
        seed,
        estimatedMs: Math.round(taken.remainingMs),
        actualMs,
        error: round((taken.remainingMs - actualMs) / actualMs, 2),
      })
    } finally {
      await simulator.close()
    }
  }
  const errors = runs.map((run) => Math.abs(run.error)).sort((a, b) => a - b)
  const within = errors.filter((error) => error <= TOLERANCE).length
  return {
    sceneMs,
    runs,
    within,
    medianError: errors[Math.floor(errors.length / 2)],
    worstError: errors.at(-1),
    target: `after 3 of 8 scenes, within ±${TOLERANCE * 100} % of the actual time left (every run)`,
    met: within === runs.length,
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runTimeLeft(), null, 2))
