import type { AgentRejectCode } from '@kvidai/agent-protocol'
import type { Fault, FaultQueue } from './faults'
import { sleep } from './ledger'
import type { ResolvedOptions, SimulatorUser } from './options'
import { readLimitedBody } from './read-body'
import { bodyTooLarge, invalidInput, reject, stagedReject } from './rejects'
import type { RequestIssue } from './request-limits'
import type { CountedRoute, SimulatorState } from './state'

export type Admission<Body> =
  | { ok: true; user: SimulatorUser; body: Body; fault: Fault }
  | { ok: false; response: Response }

interface AdmitOptions {
  state: SimulatorState
  options: ResolvedOptions
  faults: FaultQueue
  route: CountedRoute
  required: readonly string[]
  /** The largest body this route reads, in bytes. */
  maxBytes: number
  /** How a body with every required field breaks the route's limits. */
  check(body: Record<string, unknown>): RequestIssue[]
}

function denied(code: AgentRejectCode, message?: string, data?: Record<string, unknown> | null) {
  return { ok: false as const, response: reject(code, message, data ?? null) }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

/** The body as a JSON object; null when it is not one (or could not be read). */
async function readObject(request: Request, maxBytes: number) {
  let parsed: unknown
  try {
    const read = await readLimitedBody(request, maxBytes)
    if (!read.ok) return 'too-large' as const
    parsed = JSON.parse(read.text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  return parsed as Record<string, unknown>
}

/**
 * Everything a run-like request passes before it may stream: the `api-key` header, a body
 * within `maxBytes`, the required fields, the route's limits, the body's `apiKey` and
 * `email` (that key's user), the rate limit, staged faults, and one run at a time per user
 * (reaping a run that stopped moving).
 */
export async function admitRunRequest<Body extends { email: string; apiKey: string }>(
  request: Request,
  { state, options, faults, route, required, maxBytes, check }: AdmitOptions,
): Promise<Admission<Body>> {
  state.count(route)
  const headerUser = state.findUserByKey(request.headers.get('api-key') ?? '')
  if (!headerUser) return denied('UNAUTHORIZED', 'Missing or invalid api-key header.')

  const body = await readObject(request, maxBytes)
  if (body === 'too-large') return { ok: false, response: bodyTooLarge(maxBytes) }
  if (body === null) {
    return denied('MISSING_PARAMETERS', 'The request body must be a JSON object.', {
      missing: [...required],
    })
  }
  const missing = required.filter((field) => isMissing(body[field]))
  if (missing.length > 0) {
    return denied('MISSING_PARAMETERS', `Missing required parameters: ${missing.join(', ')}`, {
      missing,
    })
  }
  const issues = check(body)
  if (issues.length > 0) return { ok: false, response: invalidInput(issues) }
  const bodyUser = state.findUserByKey(String(body.apiKey))
  if (!bodyUser || bodyUser !== headerUser || bodyUser.email !== body.email) {
    return denied('UNAUTHORIZED', 'The apiKey and email do not belong to the same user.')
  }

  const retryAfter = state.overRateLimit(bodyUser.email, Date.now())
  if (retryAfter > 0) {
    return denied('rate_limited', `Too many agent requests. Try again in ${retryAfter} s.`, {
      retryAfter,
    })
  }

  const fault = faults.take()
  if (fault.delayMs) {
    await sleep(fault.delayMs, request.signal)
    if (request.signal.aborted) return denied('INTERNAL_ERROR', 'The client went away.')
  }
  if (fault.reject) return { ok: false, response: stagedReject(fault.reject) }

  const active = state.activeRuns.get(bodyUser.email)
  if (active) {
    if (Date.now() - active.lastProgressAt > options.zombieMs) {
      active.cancel('reaped after no progress')
      return denied('ZOMBIE_TIMEOUT', undefined, { jobId: active.jobId })
    }
    return denied('CONCURRENT_LIMIT', undefined, { jobId: active.jobId })
  }
  return { ok: true, user: bodyUser, body: body as Body, fault }
}

/** The `402` a request gets when the balance cannot cover what it would reserve. */
export function creditReject(user: SimulatorUser, required: number): Response | null {
  if (user.credits >= required) return null
  return reject('INSUFFICIENT_CREDIT', 'Not enough credit to start this run.', {
    required,
    available: user.credits,
  })
}
