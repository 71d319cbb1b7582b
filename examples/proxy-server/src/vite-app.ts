import { fileURLToPath } from 'node:url'
import { kvidAgentProxy } from '@kvidai/agent-core/vite'
import { createServer, type InlineConfig, preview } from 'vite'
import { AGENT_BASE_PATH, type HandlerOptions } from './handlers'
import type { RunningServer } from './listening'

/** A page for Vite to serve beside the proxy (what `vite build` would have made, for preview). */
const ROOT = fileURLToPath(new URL('./vite-root', import.meta.url))

/**
 * The Vite config of an app with the proxy in it: the plugin serves `/api/kvid` on `vite`
 * and on `vite preview`. In a `vite.config.ts`, `plugins: [kvidAgentProxy({ … })]` is all.
 */
export function viteConfig(options: HandlerOptions): InlineConfig {
  const { sessions } = options
  return {
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [
      kvidAgentProxy({
        upstream: options.upstream,
        apiKey: options.apiKey,
        basePath: AGENT_BASE_PATH,
        allowedOrigins: options.allowedOrigins,
        resolveUser: (request) => sessions.userOf(request),
      }),
    ],
    // This example has a built page already: preview serves the folder as it is.
    build: { outDir: ROOT },
  }
}

/** `vite` (the dev server) with the proxy; port 0 picks a free one. */
export async function startViteDevServer(
  options: HandlerOptions,
  { port = 5173, hostname = '127.0.0.1' } = {},
): Promise<RunningServer> {
  const config = viteConfig(options)
  const server = await createServer({
    ...config,
    server: { host: hostname, port, strictPort: true, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true },
  })
  await server.listen()
  const address = server.httpServer?.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return { url: `http://${hostname}:${bound}`, close: () => server.close() }
}

/** `vite preview` (the built app) with the proxy; port 0 picks a free one. */
export async function startVitePreviewServer(
  options: HandlerOptions,
  { port = 4173, hostname = '127.0.0.1' } = {},
): Promise<RunningServer> {
  const server = await preview({
    ...viteConfig(options),
    preview: { host: hostname, port, strictPort: true, open: false },
  })
  const address = server.httpServer.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${hostname}:${bound}`,
    close: async () => {
      const { httpServer } = server
      if ('closeAllConnections' in httpServer) httpServer.closeAllConnections()
      await server.close()
    },
  }
}
