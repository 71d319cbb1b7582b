import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { LONG_VIDEO, PROJECT_ID, startTestSimulator, type TestSimulator } from '../test-utils'
import { createAgentProxy } from './create-agent-proxy'
import { type NodeHandler, type NodeRequest, toNodeHandler } from './to-node-handler'

/**
 * The adapter on a bare `node:http` server, with the two things Node frameworks do to a
 * request imitated by hand: a mount that strips its prefix from `url` and keeps the whole
 * path in `originalUrl` (Express, connect), and a body parser that reads the body first.
 */

const GLOBALS = { Request: globalThis.Request, Response: globalThis.Response }
let simulator: TestSimulator
let server: Server | null = null

beforeEach(async () => {
  simulator = await startTestSimulator()
})
afterEach(async () => {
  if (server) {
    server.closeAllConnections()
    await new Promise((closed) => server?.close(closed))
    server = null
  }
  await simulator.close()
})

const proxy = () =>
  createAgentProxy({
    upstream: simulator.url,
    apiKey: 'kvid_demo_key',
    basePath: '/api/kvid',
    resolveUser: () => ({ email: 'demo@example.com' }),
  })

/** Serves `listener` on a free port of 127.0.0.1 and answers its base URL. */
async function serve(
  listener: (request: NodeRequest, response: ServerResponse) => void,
): Promise<string> {
  const started = createServer(listener)
  server = started
  await new Promise<void>((listening) => started.listen(0, '127.0.0.1', listening))
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}`
}

/** What `app.use('/api/kvid', handler)` does before calling the handler. */
function mounted(prefix: string, handler: NodeHandler) {
  return (request: NodeRequest, response: ServerResponse) => {
    request.originalUrl = request.url
    request.url = request.url?.slice(prefix.length) || '/'
    void handler(request, response)
  }
}

function runLongVideo(url: string) {
  return fetch(`${url}/api/kvid/api/agent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: LONG_VIDEO,
      composition: { tracks: [] },
      projectId: PROJECT_ID,
    }),
  })
}

it('streams a long video through a mount that strips its prefix, by reading originalUrl', async () => {
  const url = await serve(mounted('/api/kvid', toNodeHandler(proxy())))

  const answer = await runLongVideo(url)

  expect(answer.status).toBe(200)
  expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const text = await answer.text()
  expect(text.match(/^event: scene_complete$/gm)).toHaveLength(8)
  expect(text).toMatch(/^event: done$/m)
})

it('answers the stripped path with a 404 that says what happened, without the adapter', async () => {
  const handler = toNodeHandler(proxy())
  const url = await serve((request, response) => {
    // A hand-written adapter that forgets originalUrl.
    request.url = request.url?.slice('/api/kvid'.length)
    void handler(request, response)
  })

  const answer = await runLongVideo(url)

  expect(answer.status).toBe(404)
  const { message } = await answer.json()
  expect(message).toContain('"/api/agent"')
  expect(message).toContain('basePath "/api/kvid"')
  expect(message).toContain('req.originalUrl')
  expect(simulator.admin.requests().total).toBe(0)
})

it('refuses with 500 and logs why when a body parser read the body first', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  const handler = toNodeHandler(proxy())
  const url = await serve((request, response) => {
    request.resume()
    request.once('end', () => void handler(request, response))
  })

  const answer = await runLongVideo(url)

  expect(answer.status).toBe(500)
  expect(await answer.json()).toMatchObject({ error: 'INTERNAL_ERROR' })
  expect(String(logged.mock.calls[0]?.[0])).toContain('before any body parser')
  expect(simulator.admin.requests().total).toBe(0)
  logged.mockRestore()
})

it('leaves the global Request and Response as they are', () => {
  // The simulator's own server (serve from @hono/node-server) replaces them: put them back first.
  Object.defineProperty(globalThis, 'Request', { value: GLOBALS.Request })
  Object.defineProperty(globalThis, 'Response', { value: GLOBALS.Response })
  toNodeHandler(proxy())
  expect({ Request: globalThis.Request, Response: globalThis.Response }).toEqual(GLOBALS)
})
