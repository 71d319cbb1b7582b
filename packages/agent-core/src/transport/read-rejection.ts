import { AGENT_REJECT_CODES, type AgentRejectCode, isObject } from '@kvidai/agent-protocol'
import { AgentRequestError } from '../errors/agent-errors'
import { parseJson } from '../protocol/parse-event'

/** The most of a reject's body that is read: error bodies are small; a page may not be. */
const REJECTION_MAX_BYTES = 64 * 1024

function secondsFromHeader(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/** The start of a body as text, at most `REJECTION_MAX_BYTES`; the rest is not read. */
async function readStart(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (
      let chunk: ReadableStreamReadResult<Uint8Array>;
      reader && text.length < REJECTION_MAX_BYTES;
    ) {
      chunk = await reader.read()
      if (chunk.done) break
      text += decoder.decode(chunk.value, { stream: true })
    }
  } catch {
    // A body that breaks halfway still says what it said before.
  }
  reader?.cancel().catch(() => {})
  return text.slice(0, REJECTION_MAX_BYTES)
}

/**
 * Reads a response that did not open a stream into an `AgentRequestError`: the code from
 * the JSON body (`UNKNOWN` when the code is not documented, `BAD_RESPONSE` when the body
 * is not a JSON error at all, such as a proxy's HTML page).
 */
export async function readRejection(response: Response): Promise<AgentRequestError> {
  const { status } = response
  const text = await readStart(response)
  const body = parseJson(text)
  if (!isObject(body) || typeof body.error !== 'string') {
    return new AgentRequestError({
      code: 'BAD_RESPONSE',
      status,
      message: `Expected an event stream or a JSON error; got HTTP ${status}.`,
      data: text.slice(0, 500),
    })
  }
  const { error } = body
  const data = typeof body.data === 'object' ? (body.data as Record<string, unknown> | null) : null
  const retryAfter = [body.retryAfter, data?.retryAfter].find(
    (value): value is number => typeof value === 'number' && Number.isFinite(value),
  )
  return new AgentRequestError({
    code: AGENT_REJECT_CODES.includes(error as AgentRejectCode)
      ? (error as AgentRejectCode)
      : 'UNKNOWN',
    status,
    message: typeof body.message === 'string' ? body.message : error,
    data,
    retryAfter: retryAfter ?? secondsFromHeader(response.headers.get('retry-after')),
  })
}
