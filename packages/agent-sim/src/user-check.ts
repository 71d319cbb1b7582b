import { FIELD_LENGTHS, issuesError, type RequestIssue } from './request-limits'

/** A key the `api-key` header can carry: visible ASCII, no spaces. */
const KEY_PATTERN = /^[\x21-\x7e]+$/
const CHANGE_FIELDS = ['apiKey', 'credits', 'addCredits']

export interface UserChange {
  apiKey?: string
  credits?: number
  addCredits?: number
}

function isBalance(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= Number.MAX_SAFE_INTEGER
  )
}

/** How an email is not one a user can have: a string of 1 to 320 characters. */
export function emailIssues(email: unknown): RequestIssue[] {
  const fits = typeof email === 'string' && email.length > 0 && email.length <= FIELD_LENGTHS.email
  return fits
    ? []
    : [{ path: 'email', message: `must be a string of 1 to ${FIELD_LENGTHS.email} characters.` }]
}

/** How an API key is not one: 1 to 256 visible ASCII characters, as a header carries them. */
export function apiKeyIssues(apiKey: unknown): RequestIssue[] {
  const fits =
    typeof apiKey === 'string' && apiKey.length <= FIELD_LENGTHS.apiKey && KEY_PATTERN.test(apiKey)
  const message = `must be 1 to ${FIELD_LENGTHS.apiKey} visible ASCII characters, without spaces.`
  return fits ? [] : [{ path: 'apiKey', message }]
}

/**
 * How a change to a user (`PUT /__sim/users/:email`, `admin.setUser`) is not one it may
 * make: unknown fields, a key of the wrong shape or one another user has, a balance that
 * is not a finite number from 0 to 2^53−1, before or after `addCredits`.
 */
export function userChangeIssues(
  change: unknown,
  current: { email: string; credits: number } | undefined,
  keyOwner: (apiKey: string) => string | undefined,
): RequestIssue[] {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    return [{ path: '', message: 'must be a JSON object.' }]
  }
  const issues: RequestIssue[] = []
  const { apiKey, credits, addCredits } = change as Record<string, unknown>
  for (const name of Object.keys(change)) {
    if (!CHANGE_FIELDS.includes(name)) {
      issues.push({ path: name, message: `is not a user field (${CHANGE_FIELDS.join(', ')}).` })
    }
  }
  if (apiKey !== undefined) {
    issues.push(...apiKeyIssues(apiKey))
    const owner = typeof apiKey === 'string' ? keyOwner(apiKey) : undefined
    if (owner !== undefined && owner !== current?.email) {
      issues.push({ path: 'apiKey', message: 'belongs to another user.' })
    }
  }
  if (credits !== undefined && !isBalance(credits)) {
    issues.push({ path: 'credits', message: 'must be a finite number from 0 to 2^53-1.' })
  }
  if (addCredits !== undefined) {
    const start = typeof credits === 'number' ? credits : (current?.credits ?? 0)
    const fits = typeof addCredits === 'number' && isBalance(start + addCredits)
    if (!fits) {
      issues.push({
        path: 'addCredits',
        message: 'must be a number that keeps the balance from 0 to 2^53-1.',
      })
    }
  }
  return issues
}

/** The `users` option, checked: each a well-formed user, and no key held by two emails. */
export function checkedUsers(
  users: unknown,
  seeded: { email: string; apiKey: string },
): Array<{ email: string; apiKey: string; credits: number }> {
  if (users === undefined) return []
  if (!Array.isArray(users)) {
    throw new TypeError('users must be an array of { email, apiKey, credits }.')
  }
  const owners = new Map([[seeded.apiKey, seeded.email]])
  for (const [index, user] of users.entries()) {
    const fields = (typeof user === 'object' && user !== null ? user : {}) as Record<
      string,
      unknown
    >
    const { email, apiKey, credits } = fields
    const issues = [...emailIssues(email), ...apiKeyIssues(apiKey)]
    if (!isBalance(credits)) {
      issues.push({ path: 'credits', message: 'must be a finite number from 0 to 2^53-1.' })
    }
    const owner = owners.get(apiKey as string)
    if (owner !== undefined && owner !== email) {
      issues.push({ path: 'apiKey', message: 'belongs to another user.' })
    }
    if (issues.length > 0) throw issuesError(`users[${index}]`, issues)
    owners.set(apiKey as string, email as string)
  }
  return users
}
