import { createAgentProxy, refuseCrossSite } from '@kvidai/agent-core/server'
import type { Sessions } from './sessions'

/** Where the browser's SDK sends its requests: `<KvidAgentProvider baseUrl="/api/kvid">`. */
export const AGENT_BASE_PATH = '/api/kvid'

export interface HandlerOptions {
  /** The Agent API's base URL, such as `https://api.kvid.ai`. */
  upstream: string
  /** Your kvidAI API key. It stays on this server. */
  apiKey: string
  sessions: Sessions
  /** Your site's public origins; default the origin each request arrives on. */
  allowedOrigins?: readonly string[]
}

export type Handler = (request: Request) => Promise<Response>

export interface Handlers {
  agent: Handler
  signOut: Handler
}

/**
 * The server's routes as web-standard handlers (`Request` → `Response`), so any framework
 * can mount them: the Agent API proxy, and one route of our own that acts for the
 * signed-in user.
 */
export function createHandlers(options: HandlerOptions): Handlers {
  const { sessions, allowedOrigins } = options
  const agent = createAgentProxy({
    upstream: options.upstream,
    apiKey: options.apiKey,
    basePath: AGENT_BASE_PATH,
    allowedOrigins,
    // The agent runs as the signed-in user, whatever email the browser sends.
    resolveUser: (request) => sessions.userOf(request),
  })

  async function signOut(request: Request): Promise<Response> {
    // Another site's page must not sign your users out: the proxy's own check, for our route.
    const refused = refuseCrossSite(request, { allowedOrigins })
    if (refused) return refused
    sessions.signOut(request)
    return new Response(null, {
      status: 204,
      headers: { 'set-cookie': 'session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax' },
    })
  }

  return { agent, signOut }
}
