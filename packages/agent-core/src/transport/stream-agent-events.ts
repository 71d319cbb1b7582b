import type { AgentEvent, AgentProtocolWarning, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { AgentProtocolError, AgentRequestError, toStreamError } from '../errors/agent-errors'
import { devWarning } from '../errors/dev-warning'
import { parseAgentEvent } from '../protocol/parse-event'
import { callListener, SOURCE } from './call-listener'
import { createMessageReader } from './create-message-reader'
import { readRejection } from './read-rejection'
import type { RunOutcome } from './run-outcome'
import { validateStreamTiming } from './validate-stream-timing'
import { watchSilence } from './watch-silence'

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** What a caller learns while a stream runs, besides its events. */
export interface StreamListeners {
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  /** A protocol oddity the stream survived (also a development-build console warning). */
  onWarning?: (warning: AgentProtocolWarning) => void
  /** True after `stallAfterMs` of silence; false at the next byte, or when the stream ends. */
  onStalledChange?: (stalled: boolean) => void
  /** One of these callbacks threw. The stream goes on; default: `console.error` in development. */
  onCallbackError?: (error: unknown, callback: string) => void
}

export interface StreamTiming {
  /** Silence after which the stream counts as stalled (it stays open). Default 60 s. */
  stallAfterMs?: number
  /** Silence after which the client closes the connection (`interrupted`, cause `idle`). Off by default. */
  idleTimeoutMs?: number
  /** The largest event the client reads. Default `STREAM_LIMITS.eventMaxBytes` (64 MiB). */
  maxEventBytes?: number
}

export interface StreamRequest extends StreamListeners, StreamTiming {
  url: string
  headers: Record<string, string>
  body: string
  fetch: Fetch
  signal?: AbortSignal
}

export const DEFAULT_STALL_AFTER_MS = 60_000

function isEventStream(response: Response): response is Response & { body: ReadableStream } {
  const type = response.headers.get('content-type') ?? ''
  return response.ok && response.body !== null && type.startsWith('text/event-stream')
}

/**
 * POSTs once and reads the answer as typed events. Resolves with how the stream ended:
 * `done`, `error` (the agent's error event, or an event too large to hold), `interrupted`
 * (the connection ended or broke, or was silent past `idleTimeoutMs`), or `aborted` (the
 * caller's signal). Rejects with `AgentRequestError` when the server answered without a
 * stream. Never retries, never watches the page's visibility, and needs no `window`.
 *
 * Odd payloads are tolerated (see `parseAgentEvent`), and a listener that throws is
 * reported, not allowed to end the stream.
 */
export async function streamAgentEvents(request: StreamRequest): Promise<RunOutcome> {
  validateStreamTiming(request)
  const { signal } = request
  if (signal?.aborted) return { reason: 'aborted' }

  const connection = new AbortController()
  let ending: RunOutcome | undefined
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let wake: () => void = () => {}
  const ended = new Promise<void>((resolve) => {
    wake = resolve
  })
  function end(outcome: RunOutcome) {
    ending ??= outcome
    connection.abort()
    reader?.cancel().catch(() => {})
    wake()
  }
  function call<Name extends keyof StreamListeners>(
    name: Name,
    ...values: Parameters<NonNullable<StreamListeners[Name]>>
  ) {
    callListener(request, name, values, request.onCallbackError)
  }
  function warn(warning: AgentProtocolWarning) {
    devWarning(SOURCE, `${warning.event} event, ${warning.field}: ${warning.message}`)
    call('onWarning', warning)
  }

  const onAbort = () => end({ reason: 'aborted' })
  signal?.addEventListener('abort', onAbort)
  const silence = watchSilence({
    stallAfterMs: request.stallAfterMs ?? DEFAULT_STALL_AFTER_MS,
    idleTimeoutMs: request.idleTimeoutMs,
    onStalledChange: (stalled) => call('onStalledChange', stalled),
    onIdle: () => end({ reason: 'interrupted', cause: 'idle' }),
  })
  const messages = createMessageReader({
    maxEventBytes: request.maxEventBytes ?? STREAM_LIMITS.eventMaxBytes,
    onMessage(message) {
      // A comment-only block (`: keep-alive`) arrives as an empty message.
      if (ending || (!message.event && !message.data)) return
      const event = parseAgentEvent(message.event || 'message', message.data, warn)
      if (!event) return
      call('onEvent', event)
      if (event.type === 'done') {
        end({ reason: 'done', success: event.data.success, result: event.data.data })
      } else if (event.type === 'error') {
        end({ reason: 'error', error: toStreamError(event.data.error) })
      }
    },
  })

  try {
    const sending = request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: connection.signal,
    })
    const response = await Promise.race([sending, ended])
    if (!response || ending) {
      // A fetch that ignores its signal may still answer: nobody will read that body.
      sending.then(
        (late) => late.body?.cancel().catch(() => {}),
        () => {},
      )
      return ending ?? { reason: 'aborted' }
    }
    if (!isEventStream(response)) throw await readRejection(response)
    silence.heard()
    reader = response.body.getReader()
    while (!ending) {
      const chunk = await reader.read()
      if (chunk.done) break
      silence.heard()
      messages.push(chunk.value)
    }
    return ending ?? { reason: 'interrupted', cause: 'ended' }
  } catch (error) {
    if (ending) return ending
    if (error instanceof AgentRequestError) throw error
    if (error instanceof AgentProtocolError) return { reason: 'error', error }
    return { reason: 'interrupted', cause: 'network' }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    silence.stop()
    connection.abort()
    reader?.cancel().catch(() => {})
  }
}
