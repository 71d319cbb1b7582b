import type { AddressInfo } from 'node:net'
import { toNodeHandler } from '@kvidai/agent-core/node'
import express, { type Express } from 'express'
import { AGENT_BASE_PATH, type Handlers } from './handlers'

/**
 * The routes on Express. Express speaks Node's `req`/`res`, so each web handler goes through
 * `toNodeHandler` from `@kvidai/agent-core/node`, which turns `req` into a `Request` and
 * streams the `Response` back unbuffered. Mount them before any body parser
 * (`express.json()`): the proxy reads the body itself, within its size limit.
 */
export function createExpressApp(handlers: Handlers): Express {
  const app = express()
  app.disable('x-powered-by')
  // `use` strips '/api/kvid' from req.url; toNodeHandler reads req.originalUrl, which keeps it.
  app.use(AGENT_BASE_PATH, toNodeHandler(handlers.agent))
  app.post('/api/sign-out', toNodeHandler(handlers.signOut))
  return app
}

/** Serves the app on Node; port 0 picks a free one. */
export function startExpressServer(
  handlers: Handlers,
  { port = 8787, hostname = '127.0.0.1' } = {},
) {
  const app = createExpressApp(handlers)
  return new Promise<{ url: string; close(): Promise<void> }>((resolve, reject) => {
    const server = app.listen(port, hostname, (error) => {
      if (error) return reject(error)
      const { port: bound } = server.address() as AddressInfo
      resolve({
        url: `http://${hostname}:${bound}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed())
            server.closeAllConnections()
          }),
      })
    })
  })
}
