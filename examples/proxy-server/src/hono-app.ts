import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { AGENT_BASE_PATH, type Handlers } from './handlers'
import type { RunningServer } from './listening'

/** The routes on Hono: its handlers take and return web `Request`/`Response` as they are. */
export function createHonoApp(handlers: Handlers): Hono {
  const app = new Hono()
  // A route, not `app.mount('/api/kvid', …)`: mount strips the prefix unless told not to.
  app.all(`${AGENT_BASE_PATH}/*`, (context) => handlers.agent(context.req.raw))
  app.post('/api/sign-out', (context) => handlers.signOut(context.req.raw))
  return app
}

/** Serves the app on Node; port 0 picks a free one. */
export function startHonoServer(handlers: Handlers, { port = 8787, hostname = '127.0.0.1' } = {}) {
  const app = createHonoApp(handlers)
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed())
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
