import type { AgentProtocolWarning } from '@kvidai/agent-protocol'
import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { AgentProtocolError, AgentRequestError, streamErrorOf } from '../errors/agent-errors'
import { devWarning } from '../errors/dev-warning'
import { parseAgentEvent } from '../protocol/parse-event'
import type { StreamAction } from '../state/run-action'
import { SOURCE } from './call-listener'
import { createMessageReader } from './create-message-reader'
import { readRejection } from './read-rejection'
import type { RunOutcome } from './run-outcome'
import { validateStreamTiming } from './validate-stream-timing'
import { watchSilence } from './watch-silence'

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

export interface StreamTiming {
  /** Silence after which the stream counts as stalled (it stays open). Default 60 s. */
  stallAfterMs?: number
  /** Silence after which the client closes the connection (`interrupted`, cause `idle`). Off by default. */
  idleTimeoutMs?: number
  /** The largest event the client reads. Default `STREAM_LIMITS.eventMaxBytes` (64 MiB). */
  maxEventBytes?: number
}

export interface StreamRequest extends StreamTiming {
  url: string
  headers: Record<string, string>
  body: string
  fetch: Fetch
  signal?: AbortSignal
}

/**
 * One request's stream, pulled: its events as they are read, `stall_changed` after a
 * silence and at the next byte, a `warning` for each oddity it survived, and last a
 * `request_ended` with the `RunOutcome`. Nothing is read ahead of the reader.
 */
export type AgentEventStream = AsyncGenerator<StreamAction, void, undefined>

export const DEFAULT_STALL_AFTER_MS = 60_000

function isEventStream(response: Response): response is Response & { body: ReadableStream } {
  const type = response.headers.get('content-type') ?? ''
  return response.ok && response.body !== null && type.startsWith('text/event-stream')
}

/** What a failure while reading says of the stream, or the failure itself for a reject. */
function outcomeOf(error: unknown): RunOutcome {
  if (AgentRequestError.isInstance(error)) throw error
  if (AgentProtocolError.isInstance(error)) return { reason: 'error', error }
  return { reason: 'interrupted', cause: 'network' }
}

/**
 * POSTs once and yields the answer as typed actions for the caller to pull; the last is
 * `request_ended`, whose outcome is `done`, `error` (the agent's error event, or an event too
 * large to hold), `interrupted` (the connection ended or broke, or was silent past
 * `idleTimeoutMs`) or `aborted` (the caller's signal, or the caller stopped pulling).
 * Throws `AgentRequestError` when the server answered without a stream. Never retries,
 * never watches the page's visibility, and needs no `window`.
 *
 * Odd payloads are tolerated (see `parseAgentEvent`) and reported as `warning` actions.
 */
export async function* streamAgentEvents(request: StreamRequest): AgentEventStream {
  validateStreamTiming(request)
  const { signal } = request
  const connection = new AbortController()
  /** What is read and not yet yielded: events, warnings, stall changes. */
  let queue: StreamAction[] = []
  let ending: RunOutcome | undefined = signal?.aborted ? { reason: 'aborted' } : undefined
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let wake: () => void = () => {}
  /** Resolves when a timer or the caller's signal has news for the loop below. */
  const news = () => new Promise<undefined>((resolve) => (wake = () => resolve(undefined)))
  function end(outcome: RunOutcome) {
    ending ??= outcome
    connection.abort()
    wake()
  }
  function warn(warning: AgentProtocolWarning) {
    devWarning(SOURCE, `${warning.event} event, ${warning.field}: ${warning.message}`)
    queue.push({ type: 'warning', warning })
  }

  const onAbort = () => end({ reason: 'aborted' })
  signal?.addEventListener('abort', onAbort)
  const silence = watchSilence({
    stallAfterMs: request.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
    idleTimeoutMs: request.idleTimeoutMs,
    onStalledChange(stalled) {
      queue.push({ type: 'stall_changed', stalled })
      wake()
    },
    onIdle: () => end({ reason: 'interrupted', cause: 'idle' }),
  })
  const messages = createMessageReader({
    maxEventBytes: request.maxEventBytes ?? STREAM_LIMITS.eventMaxBytes,
    onMessage(message) {
      if (ending) return
      const event = parseAgentEvent(message.event || 'message', message.data, warn)
      if (!event) return
      queue.push(event)
      if (event.type === 'done') {
        ending = { reason: 'done', success: event.data.success, result: event.data.data }
      } else if (event.type === 'error') {
        ending = { reason: 'error', error: streamErrorOf(event) }
      }
    },
  })

  try {
    if (!ending) {
      const sending = request.fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: connection.signal,
      })
      // A stall before the answer wakes the wait too: wait on until an answer or an end.
      let response: Response | RunOutcome | undefined
      while (!response && !ending) {
        response = await Promise.race([sending, news()]).catch(outcomeOf)
      }
      if (response && 'headers' in response && !ending) {
        if (!isEventStream(response)) throw await readRejection(response)
        silence.heard()
        reader = response.body.getReader()
      } else {
        // A fetch that ignores its signal may still answer: nobody will read that body.
        sending.then(
          (late) => late.body?.cancel().catch(() => {}),
          () => {},
        )
        if (response && !('headers' in response)) ending ??= response
      }
    }
    let reading: Promise<ReadableStreamReadResult<Uint8Array>> | undefined
    for (;;) {
      // Everything read so far goes out first, the events before the end they led to.
      while (queue.length > 0) {
        const ready = queue
        queue = []
        yield* ready
      }
      if (ending || !reader) break
      if (!reading) {
        reading = reader.read()
        // Read on after an end, the connection's abort rejects it: nobody is waiting then.
        reading.catch(() => {})
      }
      try {
        const chunk = await Promise.race([reading, news()])
        if (!chunk) continue
        reading = undefined
        if (chunk.done) {
          ending ??= { reason: 'interrupted', cause: 'ended' }
          continue
        }
        silence.heard()
        messages.push(chunk.value)
      } catch (error) {
        ending ??= outcomeOf(error)
      }
    }
    yield { type: 'request_ended', outcome: ending ?? { reason: 'aborted' } }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    silence.stop()
    connection.abort()
    reader?.cancel().catch(() => {})
  }
}
