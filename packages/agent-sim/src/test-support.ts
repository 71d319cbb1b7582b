import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { createParser } from 'eventsource-parser'
import { DEMO_USER } from './options'
import { LONG_VIDEO_PROMPT } from './testing/index'

/** One event as a client reads it off the wire. */
export interface WireEvent {
  event: string
  data: string
  /** The data parsed as JSON, or undefined when it is not JSON. */
  json: any
}

export interface ReadResult {
  status: number
  headers: Headers
  /** Every byte of the body, as text. */
  raw: string
  events: WireEvent[]
  comments: string[]
  /** How the body ended: `end` after a clean close, `error` when the connection broke. */
  ending: 'end' | 'error'
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Reads a whole response body through a real SSE parser. */
export async function readEvents(
  response: Response,
  onEvent?: (event: WireEvent) => void,
): Promise<ReadResult> {
  const events: WireEvent[] = []
  const comments: string[] = []
  let raw = ''
  const parser = createParser({
    onEvent(message) {
      const event = {
        event: message.event ?? 'message',
        data: message.data,
        json: parseJson(message.data),
      }
      events.push(event)
      onEvent?.(event)
    },
    onComment: (comment) => comments.push(comment),
  })
  const decoder = new TextDecoder()
  let ending: ReadResult['ending'] = 'end'
  const reader = response.body?.getReader()
  if (reader) {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        const text = decoder.decode(value, { stream: true })
        raw += text
        parser.feed(text)
      }
    } catch {
      ending = 'error'
    }
  }
  return { status: response.status, headers: response.headers, raw, events, comments, ending }
}

export const EMPTY_COMPOSITION = { tracks: [] }

export { LONG_VIDEO_PROMPT as LONG_VIDEO, waitFor } from './testing/index'

export function runBody(overrides: Record<string, unknown> = {}) {
  return {
    message: LONG_VIDEO_PROMPT,
    composition: EMPTY_COMPOSITION,
    projectId: 1234,
    email: DEMO_USER.email,
    apiKey: DEMO_USER.apiKey,
    locale: 'en',
    ...overrides,
  }
}

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** Posts JSON as the reference's clients do: the key in the `api-key` header and the body. */
export function post(
  fetch: Fetch,
  base: string,
  path: string,
  body: unknown,
  init: { apiKey?: string | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const apiKey = init.apiKey === undefined ? DEMO_USER.apiKey : init.apiKey
  if (apiKey !== null) headers['api-key'] = apiKey
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal,
  })
}

export async function checkResume(
  fetch: Fetch,
  base: string,
  projectId = 1234,
  email = DEMO_USER.email,
  apiKey = DEMO_USER.apiKey,
) {
  const query = new URLSearchParams({ projectId: String(projectId), email })
  const response = await fetch(`${base}${AGENT_ROUTES.checkResume}?${query}`, {
    headers: { 'api-key': apiKey },
  })
  return { status: response.status, body: await response.json() }
}

export function names(result: ReadResult): string[] {
  return result.events.map((event) => event.event)
}

/** The event names the API reference defines; anything else on the wire is an extra. */
export const REFERENCE_EVENTS: ReadonlySet<string> = new Set([
  'tool_start',
  'tool_end',
  'plan_ready',
  'scene_start',
  'scene_complete',
  'scene_failed',
  'checkpoint',
  'insufficient_credit',
  'template_warning',
  'done',
  'error',
])

/** The events of a stream the reference defines, without keep-alives or extras. */
export function referenceEvents(result: ReadResult): WireEvent[] {
  return result.events.filter((event) => REFERENCE_EVENTS.has(event.event))
}

/** Reads a stream like `readEvents`, noting when each event arrived (ms after the call). */
export async function readTimedEvents(
  response: Response,
): Promise<ReadResult & { arrivals: number[] }> {
  const started = performance.now()
  const arrivals: number[] = []
  const result = await readEvents(response, () => arrivals.push(performance.now() - started))
  return { ...result, arrivals }
}

/** Milliseconds between the first `from` event and the first `to` event after it. */
export function gapBetween(
  result: ReadResult & { arrivals: number[] },
  from: string,
  to: string,
): number {
  const first = result.events.findIndex((event) => event.event === from)
  const second = result.events.findIndex((event, index) => index > first && event.event === to)
  if (first === -1 || second === -1) throw new Error(`No ${from} followed by ${to}.`)
  return (result.arrivals[second] as number) - (result.arrivals[first] as number)
}

/** The raw bytes sent after the first `from` event and before the next `to` event. */
export function wireBetween(raw: string, from: string, to: string): string {
  const start = raw.indexOf(`event: ${from}\n`)
  const afterStart = raw.indexOf('\n\n', start) + 2
  const end = raw.indexOf(`event: ${to}\n`, afterStart)
  if (start === -1 || end === -1) throw new Error(`No ${from} followed by ${to}.`)
  return raw.slice(afterStart, end)
}
