/**
 * Records a real run from the simulator as a JSON fixture for replay tests and stories:
 * a long video in Korean, stopped by a credit shortage, so it carries scenes, checkpoints,
 * `insufficient_credit` and a `done` with `resumeJobId`.
 *
 *   pnpm --filter @kvidai/agent-core record-fixture
 */
import { writeFileSync } from 'node:fs'
import { startSimulator } from '@kvidai/agent-sim/node'
import { createRecorder } from '../src/recording/create-recorder'
import { createAgentRunStore } from '../src/store/create-agent-run-store'
import { LONG_VIDEO, PROJECT_ID, runInput, testClient } from '../src/test-utils'

const target = new URL('../src/fixtures/long-video-ko.json', import.meta.url)
const options = { sceneMs: 40, seed: 11, credits: 45, concurrency: 2 }

const simulator = await startSimulator(options)
try {
  const recorder = createRecorder()
  const store = createAgentRunStore({ client: testClient(simulator.url), projectId: PROJECT_ID })
  store.subscribeActions(recorder.onAction)
  const { projectId: _projectId, ...input } = runInput({ locale: 'ko' })
  const outcome = await store.start(input)
  const recording = recorder.toRecording({
    source: 'kvid-sim over HTTP (scripts/record-fixture.ts)',
    message: LONG_VIDEO,
    locale: 'ko',
    simulator: options,
    outcome: outcome.reason,
  })
  writeFileSync(target, `${JSON.stringify(recording, null, 2)}\n`)
  console.log(`Wrote ${recording.events.length} events (${outcome.reason}) to ${target.pathname}`)
} finally {
  await simulator.close()
}
