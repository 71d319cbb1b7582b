// Profiles the SDK side of the pipeline bench: node --cpu-prof --import tsx bench/profile-pipeline.ts
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { API_KEY, EMAIL, recordRun, replayFetch } from './lib/recording'

const recording = await recordRun({ scenes: 1000, checkpointEvery: 10, paddingItems: 0 })
for (let round = 0; round < 6; round++) {
  const client = createAgentClient({ baseUrl: 'http://replay', apiKey: API_KEY, email: EMAIL, fetch: replayFetch(recording.bytes) })
  const store = createAgentRunStore({ client, projectId: 1 })
  const started = performance.now()
  await store.start({ message: 'An explainer about X in 1000 scenes', composition: { tracks: [] } })
  console.log(Math.round(performance.now() - started))
}
