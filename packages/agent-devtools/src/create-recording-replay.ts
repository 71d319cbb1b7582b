import {
  type AgentClient,
  type AgentRunStore,
  createAgentClient,
  createAgentRunStore,
  type Fetch,
  isAgentEvent,
  type RunRequest,
} from '@kvidai/agent-core'
import { type AgentRecording, createReplayFetch } from '@kvidai/agent-core/recording'

/** One request of a recording and the events its stream carried. */
interface Segment {
  request: RunRequest
  recording: AgentRecording
}

/** The recording split by request (`request_sent` in its log); without a log, one run. */
function segmentsOf(recording: AgentRecording): Segment[] {
  if (!recording.log?.length) return [{ request: { kind: 'run' }, recording }]
  const segments: Segment[] = []
  let start = 0
  for (const entry of recording.log) {
    const { action } = entry
    if (action.type === 'request_sent') {
      start = entry.at
      segments.push({ request: action.request, recording: { version: 1, events: [] } })
    } else if (isAgentEvent(action)) {
      const segment = segments.at(-1)
      if (!segment) continue
      const name = action.type === 'unknown' ? action.name : action.type
      segment.recording.events.push({ at: entry.at - start, name, data: action.data })
    }
  }
  return segments
}

export interface RecordingReplay {
  /** The sandboxed store the recording plays into; its client has no network. */
  store: AgentRunStore
  /** How many requests the recording made (a run, then resumes or retries). */
  requests: number
  /** Plays every request again through the client and the real transport, at `speed`. */
  play(speed: number): Promise<void>
  /** Dispatches the recorded log's next action; false when none is left (or there is no log). */
  step(): boolean
  /** How many actions `step` has dispatched. */
  stepped(): number
  /** Stops a play in flight and empties the store. */
  reset(): void
}

/** What the sandbox's client answers when nothing is being played: it never reaches a network. */
const offline: Fetch = async () => {
  throw new TypeError('The replay sandbox has no network.')
}

/**
 * A sandbox for a recording: a store of its own whose client answers each request with the
 * recording's events for that request (`createReplayFetch`), so a replay goes through the
 * same client, transport and reducer as the live run, spends nothing and sends nothing.
 */
export function createRecordingReplay(recording: AgentRecording): RecordingReplay {
  const segments = segmentsOf(recording)
  const projectId = Number(recording.meta?.projectId) || 1
  let fetch: Fetch = offline
  const client: AgentClient = createAgentClient({
    baseUrl: 'https://replay.invalid',
    fetch: (input, init) => fetch(input, init),
  })
  const store = createAgentRunStore({ client, projectId })
  let position = 0
  let generation = 0

  return {
    store,
    requests: segments.length,
    async play(speed) {
      this.reset()
      const own = ++generation
      for (const segment of segments) {
        if (own !== generation) return
        fetch = createReplayFetch(segment.recording, { speed, resumableJob: null })
        const { request } = segment
        const sent =
          request.kind === 'run'
            ? store.start({ message: 'Replay of a recording', composition: { tracks: [] } })
            : request.kind === 'resume'
              ? store.resume(request.jobId)
              : store.retryScene(request.sceneId)
        await sent.catch(() => {})
      }
      if (own === generation) fetch = offline
    },
    step() {
      const entry = recording.log?.[position]
      if (!entry) return false
      if (position === 0) store.reset()
      position++
      store.dispatch(entry.action)
      return true
    },
    stepped: () => position,
    reset() {
      generation++
      fetch = offline
      position = 0
      store.reset()
    },
  }
}
