import { fetchEventSource } from '@microsoft/fetch-event-source'
import { AgentProtocolError, AgentStreamError } from '../errors/agent-errors'
import type { AgentEvent, UnknownAgentEvent } from '../protocol/events'
import { parseAgentEvent } from '../protocol/parse-event'
import { readRejection } from './read-rejection'
import type { RunOutcome } from './run-outcome'

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

export interface StreamRequest {
  url: string
  headers: Record<string, string>
  body: string
  fetch: Fetch
  signal?: AbortSignal
  /** Silence longer than this (no bytes at all, keep-alives included) interrupts the run. */
  idleTimeoutMs: number
  onEvent(event: AgentEvent | UnknownAgentEvent): void
}

/** A promise that never settles: parks the library where it stands. */
const park = () => new Promise<never>(() => {})

/**
 * POSTs once and streams the answer as typed events. Resolves with how the stream ended;
 * rejects with `AgentRequestError` when the server answered without a stream, or with
 * whatever `onEvent` throws (the stream is closed then).
 *
 * `fetchEventSource` is used as the SSE reader only. It must never reach its own ending:
 * its cleanup touches `document` and `window` (which Node lacks) and its error path
 * schedules a retry. So this adapter owns every ending: it settles the outcome, aborts the
 * connection, and leaves the library waiting on a promise that never settles (its `fetch`,
 * `onopen`, or the next read of the body), with no timer and no listener left behind.
 * `openWhenHidden` keeps it off `visibilitychange`; no `signal` is handed to it, since its
 * abort handler runs the same cleanup.
 */
export function streamAgentEvents(request: StreamRequest): Promise<RunOutcome> {
  const { signal } = request
  const connection = new AbortController()
  let settled = false
  let accepted = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let resolve!: (outcome: RunOutcome) => void
  let reject!: (error: Error) => void
  const outcome = new Promise<RunOutcome>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })

  function settle(result: RunOutcome | Error) {
    if (settled) return
    settled = true
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
    connection.abort()
    if (result instanceof Error) reject(result)
    else resolve(result)
  }
  function onAbort() {
    settle({ reason: 'aborted' })
  }
  function arm() {
    clearTimeout(timer)
    timer = setTimeout(
      () => settle({ reason: 'interrupted', cause: 'idle' }),
      request.idleTimeoutMs,
    )
  }

  /** The body as the library sees it: every chunk resets the watchdog; the end parks it. */
  function watch(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
    const reader = body.getReader()
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const chunk = await reader.read()
            if (!chunk.done) {
              arm()
              return controller.enqueue(chunk.value)
            }
            if (!accepted) return controller.close()
            settle({ reason: 'interrupted', cause: 'ended' })
          } catch (error) {
            if (!accepted) return controller.error(error)
            settle({ reason: 'interrupted', cause: 'network' })
          }
          return park()
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    )
  }

  if (signal?.aborted) return Promise.resolve({ reason: 'aborted' })
  signal?.addEventListener('abort', onAbort)
  arm()

  fetchEventSource(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    openWhenHidden: true,
    async fetch(input, init) {
      let response: Response
      try {
        response = await request.fetch(input, { ...init, signal: connection.signal })
      } catch {
        settle({ reason: 'interrupted', cause: 'network' })
        return park()
      }
      if (settled) return park()
      const { body, status, statusText, headers } = response
      return body ? new Response(watch(body), { status, statusText, headers }) : response
    },
    async onopen(response) {
      const type = response.headers.get('content-type') ?? ''
      if (response.ok && type.startsWith('text/event-stream') && response.body) {
        accepted = true
        return
      }
      settle(await readRejection(response))
      return park()
    },
    onmessage(message) {
      // A comment-only block (`: keep-alive`) arrives as an empty message.
      if (settled || (!message.event && !message.data)) return
      try {
        const event = parseAgentEvent(message.event || 'message', message.data)
        request.onEvent(event)
        if (event.type === 'done') {
          settle({ reason: 'done', success: event.data.success, result: event.data.data })
        } else if (event.type === 'error') {
          settle({ reason: 'error', error: new AgentStreamError(event.data.error) })
        }
      } catch (error) {
        settle(error instanceof AgentProtocolError ? { reason: 'error', error } : (error as Error))
      }
    },
    onerror(error) {
      // Never retry a POST: rethrowing stops the library. Unreached in practice, since
      // every failure is settled above before the library sees it.
      settle({ reason: 'interrupted', cause: 'network' })
      throw error
    },
  }).catch(() => settle({ reason: 'interrupted', cause: 'network' }))

  return outcome
}
