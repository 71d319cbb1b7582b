import type { AgentRejectBody, AgentRejectCode } from '@kvidai/agent-protocol'
import type { RequestIssue } from './request-limits'

const STATUS: Record<AgentRejectCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  MISSING_PARAMETERS: 400,
  invalid_input: 400,
  INSUFFICIENT_CREDIT: 402,
  JOB_NOT_FOUND: 404,
  PROJECT_NOT_FOUND: 404,
  CONCURRENT_LIMIT: 409,
  ZOMBIE_TIMEOUT: 409,
  rate_limited: 429,
  INTERNAL_ERROR: 500,
}

const DEFAULT_MESSAGES: Record<AgentRejectCode, string> = {
  UNAUTHORIZED: 'Invalid API key.',
  FORBIDDEN: 'This API key may not act on that resource.',
  MISSING_PARAMETERS: 'Required parameters are missing.',
  invalid_input: 'The request is not valid.',
  INSUFFICIENT_CREDIT: 'Not enough credit to start this run.',
  JOB_NOT_FOUND: 'No such job.',
  PROJECT_NOT_FOUND: 'No such project.',
  CONCURRENT_LIMIT: 'Another agent run is already in progress for this user.',
  ZOMBIE_TIMEOUT: 'The previous run stopped making progress and was reaped. Try again.',
  rate_limited: 'Too many agent requests. Try again later.',
  INTERNAL_ERROR: 'Internal error.',
}

/** An early reject: a JSON body with the code, before anything streams. */
export function reject(
  code: AgentRejectCode,
  message: string = DEFAULT_MESSAGES[code],
  data: Record<string, unknown> | null = null,
  status: number = STATUS[code],
): Response {
  const body: AgentRejectBody = { success: false, error: code, message, data }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (code === 'rate_limited') {
    const retryAfter = Number(data?.retryAfter ?? 60)
    body.retryAfter = retryAfter
    headers['Retry-After'] = String(retryAfter)
  }
  return new Response(JSON.stringify(body), { status, headers })
}

/** A staged `reject` fault, with data shaped as the real reject would carry. */
export function stagedReject(code: AgentRejectCode): Response {
  switch (code) {
    case 'INSUFFICIENT_CREDIT':
      return reject(code, undefined, { required: 5, available: 0 })
    case 'MISSING_PARAMETERS':
      return reject(code, 'Missing required parameters: message', { missing: ['message'] })
    case 'rate_limited':
      return reject(code, undefined, { retryAfter: 30 })
    default:
      return reject(code)
  }
}

/** 400 `invalid_input` with every issue found, in `data.issues`. */
export function invalidInput(issues: RequestIssue[]): Response {
  const [first] = issues
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more in data.issues)` : ''
  const message = first
    ? `${first.path} ${first.message.replace(/\.$/, '')}${more}.`
    : DEFAULT_MESSAGES.invalid_input
  return reject('invalid_input', message, { issues })
}

/** 413 `invalid_input`: the body is over the limit, and was not read past it. */
export function bodyTooLarge(maxBytes: number): Response {
  return reject(
    'invalid_input',
    `The request body is larger than ${maxBytes} bytes.`,
    { issues: [{ path: '', message: `The body may be ${maxBytes} bytes at most.` }], maxBytes },
    413,
  )
}
