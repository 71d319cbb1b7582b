import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { listen } from './listening'

/**
 * Serves the Next.js routes of `src/next` on `node:http` the way Next.js calls them, without
 * building a Next.js app: the App Router's route module gets a `Request` and its method's
 * export answers (405 without one); the Pages Router's API route gets Node's `req` and `res`
 * with the body unread, as `bodyParser: false` asks. apps/demo runs an App Router route for real.
 */

const BASE_PATH = '/api/kvid/'
type RouteHandler = (request: Request) => Promise<Response>

function notFound(response: ServerResponse) {
  response.writeHead(404).end()
}

/** `app/api/kvid/[...path]/route.ts`: its exports by method. */
export function startNextAppRoute(
  route: Partial<Record<'GET' | 'POST', RouteHandler>>,
  options: { port?: number } = {},
) {
  const listener = getRequestListener(
    (request) => {
      const handler = route[request.method as 'GET' | 'POST']
      return handler ? handler(request) : new Response(null, { status: 405 })
    },
    { overrideGlobalObjects: false },
  )
  const server = createServer((request, response) => {
    if (request.url?.startsWith(BASE_PATH)) void listener(request, response)
    else notFound(response)
  })
  return listen(server, options)
}

/** `pages/api/kvid/[...path].ts`: its default export and its `config`. */
export function startNextPagesRoute(
  route: {
    default: (request: IncomingMessage, response: ServerResponse) => Promise<void>
    config: { api: { bodyParser: boolean } }
  },
  options: { port?: number } = {},
) {
  if (route.config.api.bodyParser !== false) {
    throw new Error('Next.js would parse the body before the proxy: set bodyParser: false.')
  }
  const server = createServer((request, response) => {
    if (request.url?.startsWith(BASE_PATH)) void route.default(request, response)
    else notFound(response)
  })
  return listen(server, options)
}
