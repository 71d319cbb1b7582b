import { AgentRequestError } from '../errors/agent-errors'
import { AGENT_REJECT_CODES, type AgentRejectCode } from '../protocol/errors'

function secondsFromHeader(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/**
 * Reads a response that did not open a stream into an `AgentRequestError`: the code from
 * the JSON body (`UNKNOWN` when the code is not documented, `BAD_RESPONSE` when the body
 * is not a JSON error at all, such as a proxy's HTML page).
 */
export async function readRejection(response: Response): Promise<AgentRequestError> {
  const { status } = response
  const text = await response.text().catch(() => '')
  let body: Record<string, unknown> | undefined
  try {
    body = JSON.parse(text)
  } catch {}
  const error = body?.error
  if (typeof body !== 'object' || body === null || typeof error !== 'string') {
    return new AgentRequestError(
      'BAD_RESPONSE',
      status,
      `Expected an event stream or a JSON error; got HTTP ${status}.`,
      text.slice(0, 500),
    )
  }
  const data = (body.data ?? null) as Record<string, unknown> | null
  const retryAfter = [body.retryAfter, data?.retryAfter].find((value) => typeof value === 'number')
  return new AgentRequestError(
    AGENT_REJECT_CODES.includes(error as AgentRejectCode) ? (error as AgentRejectCode) : 'UNKNOWN',
    status,
    typeof body.message === 'string' ? body.message : error,
    data,
    (retryAfter as number | undefined) ?? secondsFromHeader(response.headers.get('retry-after')),
  )
}
