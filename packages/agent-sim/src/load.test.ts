import { afterAll, beforeAll, expect, it } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { post, readEvents, runBody } from './test-support'

const RUNS = 200
const SCENES = 8
// tool_start, tool_end, plan_ready, then per scene: start, complete, checkpoint; then done.
const EVENTS_PER_RUN = 3 + SCENES * 3 + 1

let simulator: NodeSimulator & { url: string }

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 20, seed: 11 })
  for (let index = 0; index < RUNS; index++) {
    simulator.admin.setUser(`load-${index}@example.com`, {
      apiKey: `kvid_load_${index}`,
      credits: 200,
    })
  }
})
afterAll(() => simulator.close())

it(`holds ${RUNS} concurrent long-video runs of distinct users with every event delivered`, {
  timeout: 60_000,
}, async () => {
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 20)
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: RUNS }, async (_, index) => {
      const apiKey = `kvid_load_${index}`
      const response = await post(
        fetch,
        simulator.url,
        '/api/agent',
        runBody({
          email: `load-${index}@example.com`,
          apiKey,
          projectId: index,
          message: `An explainer about topic ${index} in ${SCENES} scenes`,
        }),
        { apiKey },
      )
      return readEvents(response)
    }),
  )
  const wallMs = performance.now() - started
  clearInterval(sampler)

  for (const result of results) {
    expect(result.status).toBe(200)
    expect(result.ending).toBe('end')
    expect(result.events).toHaveLength(EVENTS_PER_RUN)
    expect(result.events.filter((event) => event.event === 'scene_complete')).toHaveLength(SCENES)
    expect(result.events.at(-1)?.json.success).toBe(true)
  }
  const jobs = simulator.admin.jobs()
  expect(jobs).toHaveLength(RUNS)
  expect(jobs.every((job) => job.scenes.every((scene) => scene.generations === 1))).toBe(true)
  // Figures for the package README; the budget lives in the benchmarks, not here.
  console.info(
    `load: ${RUNS} runs × ${EVENTS_PER_RUN} events in ${Math.round(wallMs)} ms, peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`,
  )
})
