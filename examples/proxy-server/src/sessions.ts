import { randomBytes } from 'node:crypto'
import type { AgentProxyUser } from '@kvidai/agent-core/server'

const COOKIE = 'session'

/**
 * A stand-in for your sign-in: session cookies that name a signed-in user, kept in memory.
 * In your app, `userOf` is your auth library's session lookup.
 */
export interface Sessions {
  /** Signs a user in and returns the session id to set as the `session` cookie. */
  signIn(email: string): string
  signOut(request: Request): void
  /** The signed-in user of a request, or null. */
  userOf(request: Request): AgentProxyUser | null
}

function sessionId(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === COOKIE) return value.join('=')
  }
  return null
}

export function createSessions(): Sessions {
  // A Map, not an object: a session id such as `__proto__` is only ever a key.
  const emails = new Map<string, string>()
  return {
    signIn(email) {
      const id = randomBytes(24).toString('base64url')
      emails.set(id, email)
      return id
    },
    signOut(request) {
      const id = sessionId(request)
      if (id) emails.delete(id)
    },
    userOf(request) {
      const id = sessionId(request)
      const email = id ? emails.get(id) : undefined
      return email ? { email } : null
    },
  }
}
