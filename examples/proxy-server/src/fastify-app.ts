import { toNodeHandler } from '@kvidai/agent-core/node'
import Fastify, { type FastifyInstance } from 'fastify'
import { AGENT_BASE_PATH, type Handlers } from './handlers'

/**
 * The routes on Fastify: each web handler through `toNodeHandler`, on Fastify's `request.raw`
 * and `reply.raw`. `reply.hijack()` tells Fastify the answer is written there.
 */
export function createFastifyApp(handlers: Handlers): FastifyInstance {
  const app = Fastify()
  const agent = toNodeHandler(handlers.agent)
  const signOut = toNodeHandler(handlers.signOut)
  // Parsers belong to the plugin that sets them: the rest of an app keeps Fastify's own.
  app.register(async (scope) => {
    // Leave bodies unread here: the proxy reads them itself, within its size limit.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null))
    scope.all(`${AGENT_BASE_PATH}/*`, async (request, reply) => {
      reply.hijack()
      await agent(request.raw, reply.raw)
    })
    scope.post('/api/sign-out', async (request, reply) => {
      reply.hijack()
      await signOut(request.raw, reply.raw)
    })
  })
  return app
}

/** Serves the app on Node; port 0 picks a free one. */
export async function startFastifyServer(
  handlers: Handlers,
  { port = 8787, hostname = '127.0.0.1' } = {},
) {
  const app = createFastifyApp(handlers)
  await app.listen({ port, host: hostname })
  const address = app.server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${hostname}:${bound}`,
    close: async () => {
      app.server.closeAllConnections()
      await app.close()
    },
  }
}
