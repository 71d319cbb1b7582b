import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import { createRecorder } from '../recording/create-recorder'
import { createReplayFetch } from '../recording/create-replay-fetch'
import type { AgentRecording } from '../recording/recording'
import { createAgentRunStore } from '../store/create-agent-run-store'
import { expectLogRebuilds, keepLog, PROJECT_ID, runInput } from '../test-utils'
import { rebuildRunState } from './reduce-run-action'
import { createInitialRunState } from './run-state'

/**
 * Every recorded run, replayed through a real client into a store: the store's action log,
 * folded from a fresh state, is the state the store ended in, and so is the log after a
 * trip through JSON. A recording made from the log carries it, and it rebuilds the run too.
 */
const folder = new URL('../fixtures/', import.meta.url)
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({
    name,
    recording: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as AgentRecording,
  }))

function replayStore(recording: AgentRecording) {
  const fetch = createReplayFetch(recording, { speed: Number.POSITIVE_INFINITY })
  const client = createAgentClient({ baseUrl: 'http://replay.local', fetch })
  return createAgentRunStore({ client, projectId: PROJECT_ID })
}

describe('a recorded run rebuilt from its action log', () => {
  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0)
  })

  for (const { name, recording } of fixtures) {
    it(`${name}: the log of a run and its resume rebuilds the store's state`, async () => {
      const store = replayStore(recording)
      const log = keepLog(store)
      const outcome = await store.start(runInput())
      expect(outcome.reason).toBe('done')
      expectLogRebuilds(log, store.getState(), createInitialRunState(PROJECT_ID), 'after the run')
      // The replay answers a resume with the same events: a second request in the same log.
      const resumed = await store.resume()
      expect(resumed.reason).toBe('done')
      const types = log.map((entry) => entry.action.type)
      expect(types.filter((type) => type === 'request_sent')).toHaveLength(2)
      expect(types.filter((type) => type === 'request_ended')).toHaveLength(2)
      // Every recorded event is in the log, once per request.
      expect(types.filter((type) => type === 'checkpoint')).toHaveLength(
        2 * recording.events.filter((event) => event.name === 'checkpoint').length,
      )
      expect(log.map((entry) => entry.sequence)).toEqual(log.map((_, index) => index + 1))
      expectLogRebuilds(log, store.getState(), createInitialRunState(PROJECT_ID), 'after resume')
    })

    it(`${name}: a recording made with onAction carries a log that rebuilds the run`, async () => {
      const store = replayStore(recording)
      const recorder = createRecorder()
      store.subscribeActions(recorder.onAction)
      await store.start(runInput())
      const made = JSON.parse(JSON.stringify(recorder.toRecording())) as AgentRecording
      expect(made.log?.[0]?.action.type).toBe('request_sent')
      expect(made.log?.at(-1)?.action.type).toBe('request_ended')
      expect(made.events.map((event) => event.name)).toEqual(
        recording.events.map((event) => event.name),
      )
      // The log alone, from a fresh state with no project: its request says which project.
      expect(rebuildRunState(made.log ?? [])).toEqual(store.getState())
    })
  }
})
