import { createServer, type Server } from 'node:http'
import { toNodeHandler } from '@kvidai/agent-core/node'
import { AGENT_BASE_PATH, type Handlers } from './handlers'
import { listen } from './listening'

/** The routes on plain `node:http`: one `toNodeHandler` per web handler, chosen by path. */
export function createNodeHttpServer(handlers: Handlers): Server {
  const agent = toNodeHandler(handlers.agent)
  const signOut = toNodeHandler(handlers.signOut)
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (pathname.startsWith(`${AGENT_BASE_PATH}/`)) return void agent(request, response)
    if (pathname === '/api/sign-out' && request.method === 'POST') {
      return void signOut(request, response)
    }
    response.writeHead(404).end()
  })
}

/** Serves the routes on Node; port 0 picks a free one. */
export function startNodeHttpServer(handlers: Handlers, options: { port?: number } = {}) {
  return listen(createNodeHttpServer(handlers), options)
}
