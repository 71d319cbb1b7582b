/**
 * Records a real run from the simulator as a JSON fixture for replay tests and stories:
 * a long video in Korean, stopped by a credit shortage, so it carries scenes, checkpoints,
 * `insufficient_credit` and a `done` with `resumeJobId`.
 *
 *   node scripts/run-script.mjs scripts/record-fixture.ts
 */
import { writeFileSync } from 'node:fs'
import { startSimulator } from '@kvidai/agent-sim/node'
import { createAgentClient } from '../src/client/create-agent-client'
import { createRecorder } from '../src/recording/create-recorder'

const LONG_VIDEO = 'Make a 30-second explainer about the new iPhone chip in 8 scenes.'
const target = new URL('../src/fixtures/long-video-ko.json', import.meta.url)

const simulator = await startSimulator({ sceneMs: 40, seed: 11, credits: 45, concurrency: 2 })
try {
  const recorder = createRecorder()
  const client = createAgentClient({
    baseUrl: simulator.url,
    apiKey: 'kvid_demo_key',
    email: 'demo@example.com',
  })
  const outcome = await client.run(
    { message: LONG_VIDEO, composition: { tracks: [] }, projectId: 1234, locale: 'ko' },
    { onEvent: recorder.onEvent },
  )
  const recording = recorder.toRecording({
    source: 'kvid-sim over HTTP (scripts/record-fixture.ts)',
    message: LONG_VIDEO,
    locale: 'ko',
    simulator: { sceneMs: 40, seed: 11, credits: 45, concurrency: 2 },
    outcome: outcome.reason,
  })
  writeFileSync(target, `${JSON.stringify(recording, null, 2)}\n`)
  console.log(`Wrote ${recording.events.length} events (${outcome.reason}) to ${target.pathname}`)
} finally {
  await simulator.close()
}
