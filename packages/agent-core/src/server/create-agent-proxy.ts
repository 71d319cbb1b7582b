import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import type { AgentProxyOptions, AgentProxyRoute, AgentProxyUser } from './agent-proxy-options'
import { notFound } from './not-found'
import { clientClosed, reject } from './proxy-response'
import { readLimitedText } from './read-limited-text'
import { allowedOriginsOf, checkSameSite } from './refuse-cross-site'
import { relayAnswer } from './relay-answer'
import { secretForms } from './scrub-secrets'

const POST_ROUTES = new Set<string>([
  AGENT_ROUTES.run,
  AGENT_ROUTES.resume,
  AGENT_ROUTES.retryScene,
])
const ROUTES = new Set<string>([...POST_ROUTES, AGENT_ROUTES.checkResume])
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
const DEFAULT_MAX_CONCURRENT_REQUESTS = 256
const BUSY_RETRY_AFTER_SECONDS = '5'
const INTERNAL_MESSAGE = 'The request could not be handled. Try again later.'

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`createAgentProxy: ${name} must be a positive integer; got ${value}.`)
  }
  return value
}

function upstreamBase(upstream: AgentProxyOptions['upstream']): string | null {
  if (typeof upstream === 'function') return null
  let url: URL | null = null
  try {
    url = new URL(upstream)
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new TypeError(
      `createAgentProxy: upstream must be an http(s) base URL or a fetch handler; got "${upstream}".`,
    )
  }
  return upstream.replace(/\/+$/, '')
}

function isUser(value: unknown): value is AgentProxyUser {
  if (typeof value !== 'object' || value === null) return false
  const { email, apiKey } = value as Record<string, unknown>
  return typeof email === 'string' && email !== '' && (apiKey == null || typeof apiKey === 'string')
}

/** The JSON object a body holds, or why it holds none. */
function parseObject(text: string): Record<string, unknown> | string {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return 'The request body is not valid JSON.'
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The request body must be a JSON object.'
  }
  return body as Record<string, unknown>
}

/** Calls a metering hook; what it throws or rejects with is logged and goes no further. */
function callHook<Event>(
  name: string,
  hook: ((event: Event) => void | Promise<void>) | undefined,
  event: Event,
): void {
  if (!hook) return
  const failed = (error: unknown) => console.error(`createAgentProxy: ${name} failed`, error)
  try {
    const result = hook(event)
    if (result instanceof Promise) result.catch(failed)
  } catch (error) {
    failed(error)
  }
}

/**
 * A server-side proxy for the Agent API as a web-standard handler (Next.js route
 * handlers, Hono, Deno, workers). It serves the four Agent API routes only, adds the
 * API key and the signed-in user — replacing any `email` or `apiKey` the browser sent —
 * streams answers through as they come, and passes the browser's abort upstream.
 *
 * It refuses other sites' pages (403), bodies that are not exactly `application/json`
 * (415) or too large (413), and more than `maxConcurrentRequests` at once (503); it never
 * follows an upstream redirect (502), never relays a key, and relays nothing a browser would
 * render. SECURITY.md at the repository root lists each defence and the test that proves it.
 */
export function createAgentProxy<User extends AgentProxyUser = AgentProxyUser>(
  options: AgentProxyOptions<User>,
): (request: Request) => Promise<Response> {
  if (typeof options.resolveUser !== 'function') {
    throw new TypeError('createAgentProxy: resolveUser must be a function.')
  }
  if (options.apiKey !== undefined && typeof options.apiKey !== 'string') {
    throw new TypeError('createAgentProxy: apiKey must be a string when given.')
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const base = upstreamBase(options.upstream)
  const maxBodyBytes = positiveInteger(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes')
  const maxConcurrent = positiveInteger(
    options.maxConcurrentRequests,
    DEFAULT_MAX_CONCURRENT_REQUESTS,
    'maxConcurrentRequests',
  )
  const allowedOrigins = allowedOriginsOf(options)
  const defaultKey = options.apiKey || undefined
  let inFlight = 0

  /** A place among the requests in flight, or null when they are all taken. */
  function acquire(): (() => void) | null {
    if (inFlight >= maxConcurrent) return null
    inFlight++
    let released = false
    return () => {
      if (released) return
      released = true
      inFlight--
    }
  }

  async function send(
    path: string,
    init: RequestInit,
    { secrets, release }: { secrets: readonly string[]; release: () => void },
  ): Promise<Response> {
    // Never follow a redirect: the request carries the key, in its header and its body.
    const manual = { ...init, redirect: 'manual' } as const
    let answer: Response
    try {
      answer = base
        ? await fetch(`${base}${path}`, manual)
        : await (options.upstream as (request: Request) => Promise<Response>)(
            new Request(`http://upstream.invalid${path}`, manual),
          )
    } catch (error) {
      release()
      if (init.signal?.aborted) return clientClosed()
      console.error('createAgentProxy: the Agent API could not be reached', error)
      return reject(502, 'BAD_GATEWAY', 'The Agent API could not be reached.')
    }
    if (answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400)) {
      release()
      await answer.body?.cancel().catch(() => {})
      console.error(
        `createAgentProxy: the Agent API answered ${path} with a redirect (${answer.status}), not followed`,
      )
      return reject(502, 'BAD_GATEWAY', 'The Agent API answered with a redirect.')
    }
    return relayAnswer(answer, { secrets, release })
  }

  async function handle(
    request: Request,
    context: { route: AgentProxyRoute | null; user: User | null; pathname: string },
  ): Promise<Response> {
    const { route } = context
    if (route === null) return notFound(context.pathname, { basePath, routes: ROUTES })
    const isCheck = route === AGENT_ROUTES.checkResume
    if (request.method !== (isCheck ? 'GET' : 'POST')) {
      return reject(405, 'METHOD_NOT_ALLOWED', `${route} does not take ${request.method}.`)
    }
    const refusal = checkSameSite(request, allowedOrigins)
    if (refusal) return refusal
    if (!isCheck && Number(request.headers.get('content-length')) > maxBodyBytes) return tooLarge()

    let user: User | null
    try {
      user = await options.resolveUser(request)
    } catch (error) {
      console.error('createAgentProxy: resolveUser failed', error)
      return reject(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE)
    }
    if (user === null || user === undefined) {
      return reject(401, 'UNAUTHORIZED', 'Sign in to use the agent.')
    }
    if (!isUser(user)) {
      console.error('createAgentProxy: resolveUser must return { email, apiKey? } or null')
      return reject(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE)
    }
    context.user = user
    const apiKey = user.apiKey || defaultKey
    if (!apiKey) {
      console.error(
        'createAgentProxy: no API key for this user: give the proxy an apiKey, or return one from resolveUser',
      )
      return reject(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE)
    }

    const release = acquire()
    if (!release) {
      return reject(503, 'SERVICE_UNAVAILABLE', 'The agent is busy. Try again shortly.', {
        'retry-after': BUSY_RETRY_AFTER_SECONDS,
      })
    }
    // The browser gone, upstream is aborted too: free the place even if no one reads on.
    request.signal.addEventListener('abort', release, { once: true })
    try {
      const secrets = secretForms([apiKey, defaultKey])
      const headers = { 'api-key': apiKey, accept: request.headers.get('accept') ?? '*/*' }
      if (isCheck) {
        const query = new URLSearchParams({
          projectId: new URL(request.url).searchParams.get('projectId') ?? '',
          email: user.email,
        })
        callHook('onRequest', options.onRequest, { request, user, route })
        return await send(
          `${route}?${query}`,
          { headers, signal: request.signal },
          {
            secrets,
            release,
          },
        )
      }

      const read = await readLimitedText(request.body, { limit: maxBodyBytes, strict: true })
      if (read.kind === 'too-large') {
        release()
        return tooLarge()
      }
      const body = read.kind === 'text' ? parseObject(read.text) : 'The request body is not UTF-8.'
      if (typeof body === 'string') {
        release()
        return reject(400, 'invalid_input', body)
      }
      callHook('onRequest', options.onRequest, { request, user, route })
      return await send(
        route,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, email: user.email, apiKey }),
          signal: request.signal,
        },
        { secrets, release },
      )
    } catch (error) {
      release()
      throw error
    }
  }

  function tooLarge(): Response {
    return reject(413, 'PAYLOAD_TOO_LARGE', `The request body is over ${maxBodyBytes} bytes.`)
  }

  return async function agentProxy(request) {
    const { pathname } = new URL(request.url)
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : ''
    const context = {
      pathname,
      route: ROUTES.has(path) ? (path as AgentProxyRoute) : null,
      user: null as User | null,
    }
    let answer: Response
    try {
      answer = await handle(request, context)
    } catch (error) {
      if (request.signal.aborted) {
        answer = clientClosed()
      } else {
        console.error('createAgentProxy: the request failed', error)
        answer = reject(500, 'INTERNAL_ERROR', INTERNAL_MESSAGE)
      }
    }
    callHook('onResponse', options.onResponse, {
      route: context.route,
      status: answer.status,
      user: context.user,
    })
    return answer
  }
}
