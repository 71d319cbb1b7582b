import type { Fetch } from '../transport/stream-agent-events'
import { type AgentRecording, encodeRecordedEvent } from './recording'

export interface ReplayOptions {
  /** 2 plays twice as fast; `Infinity` sends everything at once. Default 1. */
  speed?: number
}

/**
 * A `fetch` that answers every request with the recording as a real `text/event-stream`
 * response, each event at its recorded time divided by `speed`. Give it to a client to
 * replay a run without a server. Aborting the request ends the body with an error, as a
 * real connection would.
 */
export function createReplayFetch(recording: AgentRecording, options: ReplayOptions = {}): Fetch {
  const speed = options.speed ?? 1
  return async (_input, init) => {
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
