import {
  type AgentRunState,
  createAgentClient,
  createAgentRunStore,
  rebuildRunState,
} from '@kvidai/agent-core'
import { type AgentRecording, createReplayFetch } from '@kvidai/agent-core/recording'
import { describe, expect, it } from 'vitest'
import fixture from '../../agent-core/src/fixtures/long-video-ko.json'
import { createActionLog } from './create-action-log'
import { createRecordingReplay } from './create-recording-replay'
import { exportRecording, parseRecording } from './export-recording'

const recording = fixture as AgentRecording

/** A store whose client answers with a recording, as fast as it can: no network. */
function replayStore(source: AgentRecording) {
  const client = createAgentClient({
    baseUrl: 'https://replay.invalid',
    fetch: createReplayFetch(source, { speed: Number.POSITIVE_INFINITY }),
  })
  return createAgentRunStore({ client, projectId: 4 })
}

const input = { message: 'Make a long video', composition: { tracks: [] } }

/** The fields a run's outcome is judged by (the request's own input is not recorded). */
function outcome(state: AgentRunState) {
  const { status, jobId, plan, scenes, sceneOrder, composition, creditShortage, result, success } =
    state
  return { status, jobId, plan, scenes, sceneOrder, composition, creditShortage, result, success }
}

describe('an exported recording', () => {
  it('fed to the replay fetch, gives the live run’s final state', async () => {
    const live = replayStore(recording)
    const log = createActionLog(live)
    await live.start(input)
    const view = log.getView()
    expect(live.getState().status).toBe('done')
    expect(live.getState().creditShortage).not.toBeNull()

    const file = JSON.stringify(exportRecording({ projectId: 4, ...view }))
    const exported = parseRecording(file)
    expect(exported.events.map((event) => event.name)).toEqual(
      recording.events.map((event) => event.name),
    )
    expect(exported.meta).toMatchObject({ source: '@kvidai/agent-devtools', projectId: 4 })
    expect(exported.meta).not.toHaveProperty('initialState')

    const again = replayStore(exported)
    await again.start(input)
    expect(outcome(again.getState())).toEqual(outcome(live.getState()))
    // Its log rebuilds the same state too, after the JSON round trip.
    expect(outcome(rebuildRunState(exported.log ?? []))).toEqual(outcome(live.getState()))
  })

  it('replays in the sandbox, played or stepped, into the same state', async () => {
    const live = replayStore(recording)
    const log = createActionLog(live)
    await live.start(input)
    const exported = parseRecording(
      JSON.stringify(exportRecording({ projectId: 4, ...log.getView() })),
    )

    const replay = createRecordingReplay(exported)
    await replay.play(Number.POSITIVE_INFINITY)
    expect(outcome(replay.store.getState())).toEqual(outcome(live.getState()))

    replay.reset()
    expect(replay.store.getState().status).toBe('idle')
    while (replay.step()) {}
    expect(replay.stepped()).toBe(exported.log?.length)
    expect(outcome(replay.store.getState())).toEqual(outcome(live.getState()))
  })

  it('keeps the state a log began with when it began mid-run', async () => {
    const live = replayStore(recording)
    let log: ReturnType<typeof createActionLog> | undefined
    const stop = live.subscribeActions((entry) => {
      if (entry.action.type === 'insufficient_credit') log ??= createActionLog(live)
    })
    await live.start(input)
    stop()
    const view = (log as NonNullable<typeof log>).getView()
    expect(view.initial.creditShortage).not.toBeNull()
    expect(outcome(rebuildRunState(view.entries, view.initial))).toEqual(outcome(live.getState()))
    const exported = exportRecording({ projectId: 4, ...view })
    expect(exported.meta).toHaveProperty('initialState')
  })

  it('refuses a file that is not a recording', () => {
    expect(() => parseRecording('{"hello":1}')).toThrow(/not an agent recording/)
    expect(() => parseRecording('not json')).toThrow()
  })
})
