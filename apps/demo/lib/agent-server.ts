import { timingSafeEqual } from 'node:crypto'
import { createAgentProxy } from '@kvidai/agent-core/server'
import { createSimulator, DEMO_USER, type Simulator } from '@kvidai/agent-sim'

/**
 * Where agent requests go: api.kvid.ai when KVID_API_URL and KVID_API_KEY are set, else a
 * simulator running inside this server (demo mode). Either way the key stays here.
 */
export const demoMode = !(process.env.KVID_API_URL && process.env.KVID_API_KEY)

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const port = process.env.PORT ?? '3000'

/**
 * With the real API, whoever reaches this server spends the key's credits: it serves this
 * machine only, and only a browser that was given the local secret (see `/unlock`).
 */
const secret = demoMode ? null : process.env.KVID_DEMO_SECRET
if (!demoMode) {
  if (!secret || secret.length < 16) {
    throw new Error(
      'The demo talks to the real Agent API: set KVID_DEMO_SECRET to a random string of 16 or more characters, then open /unlock?secret=<it> once in your browser.',
    )
  }
  if (!LOOPBACK.has(process.env.HOST ?? '127.0.0.1')) {
    throw new Error(
      'With the real Agent API the demo serves this machine only: leave HOST unset or use 127.0.0.1.',
    )
  }
}

export const SECRET_COOKIE = 'kvid_demo_secret'

/** Whether a value is the local secret, compared in constant time. */
export function isLocalSecret(value: string | null | undefined): boolean {
  if (!secret || !value) return false
  const given = Buffer.from(value)
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function cookie(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return null
}

const holder = globalThis as { __kvidDemoSimulator?: Simulator }

/** The embedded simulator, one per server process; its `/__sim` admin surface is off. */
export function simulator(): Simulator {
  holder.__kvidDemoSimulator ??= createSimulator({
    credits: Number(process.env.KVID_SIM_CREDITS ?? 1000),
    sceneMs: Number(process.env.KVID_SIM_SCENE_MS ?? 600),
    seed: 1,
    admin: false,
  })
  return holder.__kvidDemoSimulator
}

/** The signed-in user. A real app reads its own session here; the demo has one user. */
export const sessionEmail = process.env.KVID_USER_EMAIL ?? DEMO_USER.email

export const agentProxy = createAgentProxy({
  upstream: demoMode
    ? (request) => simulator().fetch(request)
    : (process.env.KVID_API_URL as string),
  apiKey: demoMode ? DEMO_USER.apiKey : (process.env.KVID_API_KEY as string),
  basePath: '/api/kvid',
  // With the real API, only this machine's own page: a page on another name that
  // resolves here (DNS rebinding) is refused.
  allowedOrigins: demoMode ? undefined : [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
  resolveUser: (request) =>
    demoMode || isLocalSecret(cookie(request, SECRET_COOKIE)) ? { email: sessionEmail } : null,
})
