import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import type { AgentProxyOptions, AgentProxyUser } from './agent-proxy-options'
import { createAgentProxy } from './create-agent-proxy'
import { toNodeHandler } from './to-node-handler'

/** `createAgentProxy`'s options; `basePath` is required, as it says which requests are the proxy's. */
export type KvidAgentProxyOptions<User extends AgentProxyUser = AgentProxyUser> = Omit<
  AgentProxyOptions<User>,
  'basePath'
> & {
  /** Where the proxy answers, e.g. `/api/kvid`; Vite serves every other path as usual. */
  basePath: string
}

function isUnder(url: string | undefined, basePath: string): boolean {
  const pathname = (url ?? '').split('?', 1)[0] ?? ''
  return pathname === basePath || pathname.startsWith(`${basePath}/`)
}

/**
 * A Vite plugin that serves the Agent API proxy under `basePath` on Vite's dev server
 * (`vite`) and preview server (`vite preview`), ahead of Vite's own middlewares, so the app
 * and the proxy share one origin in development. Production needs a server of its own:
 * `vite build` makes static files only.
 */
export function kvidAgentProxy<User extends AgentProxyUser = AgentProxyUser>(
  options: KvidAgentProxyOptions<User>,
): Plugin {
  const basePath = options.basePath.replace(/\/+$/, '')
  if (!basePath.startsWith('/')) {
    throw new TypeError(
      `kvidAgentProxy: basePath must be a path such as "/api/kvid"; got "${options.basePath}".`,
    )
  }
  const handle = toNodeHandler(createAgentProxy({ ...options, basePath }))
  function middleware(
    request: IncomingMessage & { originalUrl?: string },
    response: ServerResponse,
    next: (error?: unknown) => void,
  ): void {
    if (isUnder(request.originalUrl ?? request.url, basePath)) handle(request, response).catch(next)
    else next()
  }
  return {
    name: 'kvid-agent-proxy',
    configureServer(server) {
      server.middlewares.use(middleware)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
    },
  }
}
