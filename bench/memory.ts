// Figure 4 — heap of the SDK (client + store) through a 4,504-event run with 500
// checkpoints (the simulator caps a plan at 2,000 scenes); the simulator runs in another process over loopback HTTP, so the heap
// measured is the SDK's. Run with --expose-gc.
// Node loads its fetch (undici) on the first call and keeps it for the life of the process,
// whoever calls it; a browser's fetch is not on the JS heap at all. So one plain fetch runs
// before the baseline, and what it cost is reported as `runtimeFetchMB`, not billed to the SDK.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { forkSimulator } from './lib/fork-simulator'
import { API_KEY, EMAIL } from './lib/recording'
import { gc, round } from './lib/stats'

// The simulator caps a plan at 2,000 scenes (MAX_SCENES), so one run is at most ~4,500
// events: 2,000 scenes with a checkpoint every 4 gives the 500 checkpoints, and the heap is
// read at a quarter, half and all of the run.
export async function runMemory({
  scenes = 2000,
  checkpointEvery = 4,
  marks = [1125, 2250, 3375],
} = {}) {
  const simulator = await forkSimulator({
    sceneMs: 1,
    concurrency: 8,
    checkpointEvery,
    credits: 1e9,
  })
  try {
    const client = createAgentClient({ baseUrl: simulator.url, apiKey: API_KEY, email: EMAIL })
    gc()
    const cold = process.memoryUsage().heapUsed
    await fetch(`${simulator.url}/api/agent/check-resume?projectId=1`).then((response) =>
      response.arrayBuffer(),
    )
    let events = 0
    let checkpoints = 0
    const pending = [...marks]
    const points: Array<Record<string, number>> = []
    gc()
    const baseline = process.memoryUsage().heapUsed
    const measure = () => {
      gc()
      const heapUsed = process.memoryUsage().heapUsed - baseline
      const compositionBytes = JSON.stringify(store.getState().composition ?? null).length
      points.push({
        events,
        checkpoints,
        heapMB: round(heapUsed / 1e6, 1),
        compositionMB: round(compositionBytes / 1e6, 2),
        heapPerComposition: round(heapUsed / compositionBytes),
      })
    }
    const store = createAgentRunStore({
      client,
      projectId: 1,
      onEvent: (event) => {
        events++
        if (event.type === 'checkpoint') checkpoints++
        if (pending.length && events >= pending[0]!) {
          pending.shift()
          // measure once this event is in the store
          queueMicrotask(measure)
        }
      },
    })
    const started = performance.now()
    const outcome = await store.start({
      message: `An explainer about X in ${scenes} scenes`,
      composition: { tracks: [] },
    })
    const seconds = (performance.now() - started) / 1000
    measure()
    const last = points.at(-1)!
    last.final = 1
    const first = points[0]!
    // heap growth per byte of composition growth: ≤ 3 means nothing but the composition grows
    const marginal = (last.heapMB! - first.heapMB!) / (last.compositionMB! - first.compositionMB!)
    const finalRatio = last.heapPerComposition!
    return {
      outcome: outcome.reason,
      events,
      checkpoints,
      seconds: round(seconds, 1),
      baselineHeapMB: round(baseline / 1e6, 1),
      runtimeFetchMB: round((baseline - cold) / 1e6, 1),
      points,
      finalHeapPerComposition: finalRatio,
      marginalHeapPerCompositionGrowth: round(marginal),
      target: 'heap ≤ 3× final composition; growth tracks the composition only',
      met: finalRatio <= 3 && marginal <= 3,
    }
  } finally {
    await simulator.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runMemory(), null, 2))
