import { AGENT_ROUTES, type ResumableJob } from '@kvidai/agent-protocol'
import type { Fetch } from '../transport/stream-agent-events'
import { type AgentRecording, encodeRecordedEvent } from './recording'

export interface ReplayOptions {
  /** 2 plays twice as fast; `Infinity` sends everything at once. Default 1. */
  speed?: number
  /**
   * What `check-resume` answers. Default: the job the recording's `done` left to resume
   * (its `resumeJobId`, `remainingScenes`, `totalScenes`), or null.
   */
  resumableJob?: ResumableJob | null
}

/** The job a recording's last `done` leaves to resume, if any. */
function jobLeftBy(recording: AgentRecording): ResumableJob | null {
  const done = recording.events.filter((event) => event.name === 'done').at(-1)
  const result = (done?.data as { data?: Record<string, unknown> } | undefined)?.data
  const { resumeJobId, remainingScenes, totalScenes } = result ?? {}
  if (typeof resumeJobId !== 'string' || !(Number(remainingScenes) > 0)) return null
  return {
    jobId: resumeJobId,
    remainingScenes: Number(remainingScenes),
    totalScenes: Number(totalScenes) || 0,
  }
}

/**
 * A `fetch` that answers every run, resume and retry with the recording as a real
 * `text/event-stream` response, each event at its recorded time divided by `speed`, and
 * `check-resume` with the job the recording leaves (so a React provider mounts cleanly).
 * Give it to a client to replay a run without a server. Aborting the request ends the body
 * with an error, as a real connection would.
 */
export function createReplayFetch(recording: AgentRecording, options: ReplayOptions = {}): Fetch {
  const speed = options.speed ?? 1
  const resumable = options.resumableJob === undefined ? jobLeftBy(recording) : options.resumableJob
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://replay')
    if (url.pathname.endsWith(AGENT_ROUTES.checkResume)) {
      return Response.json({ success: true, data: resumable })
    }
    const signal = init?.signal
    const encoder = new TextEncoder()
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        signal?.addEventListener('abort', () => {
          stopped = true
          clearTimeout(timer)
          controller.error(signal.reason)
        })
        const started = Date.now()
        for (const event of recording.events) {
          const wait = event.at / speed - (Date.now() - started)
          if (wait > 0) await new Promise((resolve) => (timer = setTimeout(resolve, wait)))
          if (stopped) return
          controller.enqueue(encoder.encode(encodeRecordedEvent(event)))
        }
        controller.close()
      },
      cancel() {
        stopped = true
        clearTimeout(timer)
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
  }
}
