import { AGENT_ROUTES } from '../protocol/requests'

export interface AgentProxyUser {
  email: string
}

export interface AgentProxyOptions {
  /** The Agent API: a base URL such as `https://api.kvid.ai`, or a fetch handler (a simulator). */
  upstream: string | ((request: Request) => Promise<Response>)
  /** The kvidAI API key. It stays on the server. */
  apiKey: string
  /** Who the request is from, by your own session; null refuses it with 401. */
  resolveUser(request: Request): AgentProxyUser | null | Promise<AgentProxyUser | null>
  /** Where the proxy is mounted, e.g. `/api/kvid`; the Agent API path follows it. */
  basePath?: string
  /** Largest request body accepted, in bytes. Default 80 MB (one 50 MB attachment as base64). */
  maxBodyBytes?: number
}

const POST_ROUTES = new Set<string>([
  AGENT_ROUTES.run,
  AGENT_ROUTES.resume,
  AGENT_ROUTES.retryScene,
])
const DEFAULT_MAX_BODY = 80 * 1024 * 1024

function reject(status: number, error: string, message: string): Response {
  return Response.json({ success: false, error, message, data: null }, { status })
}

/** Reads a body up to a size; null when it is larger. */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const joined = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(joined)
}

/** What the browser may see of the upstream answer: the stream untouched, nothing buffered. */
function relay(upstream: Response): Response {
  const type = upstream.headers.get('content-type') ?? ''
  const headers = new Headers({ 'content-type': type || 'application/octet-stream' })
  if (type.startsWith('text/event-stream')) {
    headers.set('cache-control', 'no-cache, no-transform')
    headers.set('x-accel-buffering', 'no')
  } else {
    headers.set('cache-control', 'no-store')
  }
  const retryAfter = upstream.headers.get('retry-after')
  if (retryAfter) headers.set('retry-after', retryAfter)
  return new Response(upstream.body, { status: upstream.status, headers })
}

/**
 * A server-side proxy for the Agent API as a web-standard handler (Next.js route
 * handlers, Hono, Deno, workers). It serves the four Agent API routes only, adds the
 * API key and the signed-in user — replacing any `email` or `apiKey` the browser sent —
 * streams answers through as they come, and passes the browser's abort upstream.
 */
export function createAgentProxy(
  options: AgentProxyOptions,
): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  const { upstream } = options

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      const answer =
        typeof upstream === 'string'
          ? await fetch(`${upstream.replace(/\/+$/, '')}${path}`, init)
          : await upstream(new Request(`http://upstream.invalid${path}`, init))
      return relay(answer)
    } catch (error) {
      if (init.signal?.aborted) return new Response(null, { status: 499 })
      return reject(
        502,
        'BAD_GATEWAY',
        `The Agent API could not be reached: ${(error as Error).message}`,
      )
    }
  }

  return async function agentProxy(request) {
    const url = new URL(request.url)
    const route = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : ''
    const isCheck = route === AGENT_ROUTES.checkResume
    if (!POST_ROUTES.has(route) && !isCheck)
      return reject(404, 'NOT_FOUND', 'No such Agent API route.')
    if (isCheck ? request.method !== 'GET' : request.method !== 'POST') {
      return reject(405, 'METHOD_NOT_ALLOWED', `${route} does not take ${request.method}.`)
    }

    const user = await options.resolveUser(request)
    if (!user) return reject(401, 'UNAUTHORIZED', 'Sign in to use the agent.')
    const headers = { 'api-key': options.apiKey, accept: request.headers.get('accept') ?? '*/*' }

    if (isCheck) {
      const query = new URLSearchParams({
        projectId: url.searchParams.get('projectId') ?? '',
        email: user.email,
      })
      return send(`${route}?${query}`, { headers, signal: request.signal })
    }

    const type = request.headers.get('content-type') ?? ''
    if (!type.includes('application/json')) {
      return reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.')
    }
    const text = await readLimited(request, limit)
    if (text === null)
      return reject(413, 'PAYLOAD_TOO_LARGE', `The request body is over ${limit} bytes.`)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return reject(400, 'invalid_input', 'The request body is not valid JSON.')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return reject(400, 'invalid_input', 'The request body must be a JSON object.')
    }
    return send(route, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, email: user.email, apiKey: options.apiKey }),
      signal: request.signal,
    })
  }
}
