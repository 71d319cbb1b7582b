import type { IncomingMessage, ServerResponse } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { reject } from './proxy-response'

/** A web-standard handler, such as the one `createAgentProxy` returns. */
export type WebHandler = (request: Request) => Response | Promise<Response>

/**
 * Node's request as servers hand it over. Express and connect (Vite's dev and preview servers)
 * add `originalUrl`: the path as the browser sent it, before a mount such as
 * `app.use('/api/kvid', …)` removed its prefix from `url`.
 */
export type NodeRequest = IncomingMessage & { originalUrl?: string }

/** A handler for Node's `req` and `res`; it resolves once the answer is written. */
export type NodeHandler = (request: NodeRequest, response: ServerResponse) => Promise<void>

/**
 * A body parser (`express.json()`, Fastify's or Next.js's default one) read the stream before
 * the proxy could. `rawBody` is a buffer some hosts keep of a body they read; the adapter uses it.
 */
function bodyTaken(request: NodeRequest): boolean {
  const { rawBody } = request as { rawBody?: unknown }
  return request.readableEnded && !(rawBody instanceof Buffer)
}

function bodyTakenAnswer(): Response {
  console.error(
    'toNodeHandler: the request body was read before the proxy: mount the proxy before any body parser (express.json(), Fastify content parsers), or turn the parser off for its route (Next.js: export const config = { api: { bodyParser: false } })',
  )
  return reject(500, 'INTERNAL_ERROR', 'The request could not be handled. Try again later.')
}

/**
 * Turns a web-standard handler (`Request` → `Response`, such as `createAgentProxy`'s) into a
 * handler for Node's `req` and `res`: Express, Fastify (`reply.hijack()` and `request.raw`),
 * `node:http`, Next.js's Pages Router, connect. Built on `getRequestListener` from
 * `@hono/node-server`: the answer streams back as it comes, and a browser that goes away
 * aborts the request's `signal`.
 *
 * It builds the request's URL from `req.originalUrl` when the server set one, so a mount that
 * strips its prefix (`app.use('/api/kvid', …)`) still hands the whole path to the proxy. It
 * leaves the global `Request` and `Response` as they are.
 */
export function toNodeHandler(handler: WebHandler): NodeHandler {
  const listener = getRequestListener(
    (request, { incoming }) =>
      bodyTaken(incoming as NodeRequest) ? bodyTakenAnswer() : handler(request),
    { overrideGlobalObjects: false },
  )
  return async function nodeHandler(request, response) {
    const { originalUrl } = request
    // The request is answered here and goes to no other middleware: its url can be the whole path.
    if (typeof originalUrl === 'string' && originalUrl !== request.url) request.url = originalUrl
    await listener(request, response)
  }
}
