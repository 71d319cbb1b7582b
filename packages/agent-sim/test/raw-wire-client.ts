/**
 * An Agent API client as an integrator without any SDK would write it from the reference:
 * `fetch`, a text decoder and line splitting. It imports nothing from this repository, so
 * the simulator's wire format is checked against the protocol as written, not against our
 * own parser.
 */

/** The events the reference documents; anything else on the wire is skipped. */
const DOCUMENTED = new Set([
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

export interface RawEvent {
  name: string
  data: any
}

export interface RawAnswer {
  status: number
  /** The JSON body of an early reject; undefined when the answer was a stream. */
  rejection?: any
  events: RawEvent[]
}

/** POSTs to the API with the key in the header and the body, as the reference shows. */
export async function postToAgent(
  baseUrl: string,
  path: string,
  body: Record<string, unknown>,
  credentials: { email: string; apiKey: string },
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'api-key': credentials.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, ...credentials }),
  })
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return { status: response.status, rejection: await response.json(), events: [] }
  }
  const events: RawEvent[] = []
  let name = ''
  let data: string[] = []
  const onLine = (line: string) => {
    if (line === '') {
      if (DOCUMENTED.has(name) && data.length > 0) {
        events.push({ name, data: JSON.parse(data.join('\n')) })
      }
      name = ''
      data = []
    } else if (line.startsWith('event:')) name = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5))
    // Comments (`: keep-alive`) and fields the reference does not use are skipped.
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let pending = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    pending += decoder.decode(value, { stream: true })
    const lines = pending.split(/\r?\n/)
    pending = lines.pop() ?? ''
    for (const line of lines) onLine(line)
  }
  return { status: response.status, events }
}

/** `GET /api/agent/check-resume`, as the reference shows it. */
export async function checkForResume(
  baseUrl: string,
  projectId: number,
  credentials: { email: string; apiKey: string },
): Promise<any> {
  const query = new URLSearchParams({ projectId: String(projectId), email: credentials.email })
  const response = await fetch(`${baseUrl}/api/agent/check-resume?${query}`, {
    headers: { 'api-key': credentials.apiKey },
  })
  return (await response.json()).data
}
