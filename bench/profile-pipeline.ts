// Profiles the SDK side of the pipeline figure, one workload at a time:
//   node --cpu-prof --cpu-prof-dir=profiles --import tsx bench/profile-pipeline.ts [korean]
// Then open the largest .cpuprofile in Chrome's DevTools (Performance) or any viewer.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { API_KEY, EMAIL, type RecordOptions, recordRun, replayFetch } from './lib/recording'

const options: RecordOptions =
  process.argv[2] === 'korean'
    ? { scenes: 60, checkpointEvery: 1, paddingItems: 500, shape: 'korean' }
    : { scenes: 1000, checkpointEvery: 10, paddingItems: 0 }
const recording = await recordRun(options)
for (let round = 0; round < 6; round++) {
  const client = createAgentClient({
    baseUrl: 'http://replay',
    apiKey: API_KEY,
    email: EMAIL,
    fetch: replayFetch(recording.bytes),
  })
  const store = createAgentRunStore({ client, projectId: 1 })
  const started = performance.now()
  await store.start({ message: 'An explainer about X', composition: { tracks: [] } })
  console.log(`${Math.round(performance.now() - started)} ms`)
}
