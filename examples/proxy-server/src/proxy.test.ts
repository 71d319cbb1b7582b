import { toNodeHandler } from '@kvidai/agent-core/node'
import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { LONG_VIDEO_PROMPT, paidRequests } from '@kvidai/agent-sim/testing'
import { createServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startExpressServer } from './express-app'
import { startFastifyServer } from './fastify-app'
import { createHandlers, type HandlerOptions } from './handlers'
import { startHonoServer } from './hono-app'
import type { RunningServer } from './listening'
import { startNextAppRoute, startNextPagesRoute } from './next-routes'
import { startNodeHttpServer } from './node-http-app'
import { createSessions, type Sessions } from './sessions'
import { startViteDevServer, startVitePreviewServer, viteConfig } from './vite-app'

// A key of the test's own, so finding it in any answer means the proxy leaked it.
const USER = { email: 'editor@example.com', apiKey: `kvid_test_${crypto.randomUUID()}` }
const ATTACKER = 'https://attacker.example'

interface Started extends RunningServer {
  sessions: Sessions
}
type Start = (options: Omit<HandlerOptions, 'sessions'>) => Promise<Started>

/** A recipe that mounts createHandlers' routes (the proxy and a sign-out route of our own). */
function withHandlers(
  start: (handlers: ReturnType<typeof createHandlers>) => Promise<RunningServer>,
): Start {
  return async (options) => {
    const sessions = createSessions()
    return { ...(await start(createHandlers({ ...options, sessions }))), sessions }
  }
}

/** Loads the Next.js app's modules afresh, so they read the environment as it is now. */
async function loadNextApp(options: Omit<HandlerOptions, 'sessions'>) {
  vi.resetModules()
  process.env.KVID_API_URL = options.upstream
  process.env.KVID_API_KEY = options.apiKey
  const app = await import('./next/kvid-proxy')
  return { sessions: app.sessions }
}

const SERVERS: Array<[name: string, start: Start, routes: { signOut: boolean; app: boolean }]> = [
  [
    'Hono',
    withHandlers((handlers) => startHonoServer(handlers, { port: 0 })),
    { signOut: true, app: false },
  ],
  [
    'Express',
    withHandlers((handlers) => startExpressServer(handlers, { port: 0 })),
    { signOut: true, app: false },
  ],
  [
    'Fastify',
    withHandlers((handlers) => startFastifyServer(handlers, { port: 0 })),
    { signOut: true, app: false },
  ],
  [
    'node:http',
    withHandlers((handlers) => startNodeHttpServer(handlers, { port: 0 })),
    { signOut: true, app: false },
  ],
  [
    'the Next.js App Router',
    async (options) => {
      const { sessions } = await loadNextApp(options)
      const route = await import('./next/app/api/kvid/[...path]/route')
      expect(route.dynamic).toBe('force-dynamic')
      return { ...(await startNextAppRoute(route, { port: 0 })), sessions }
    },
    { signOut: false, app: false },
  ],
  [
    'the Next.js Pages Router',
    async (options) => {
      const { sessions } = await loadNextApp(options)
      const route = await import('./next/pages/api/kvid/[...path]')
      return { ...(await startNextPagesRoute(route, { port: 0 })), sessions }
    },
    { signOut: false, app: false },
  ],
  [
    "Vite's dev server",
    async (options) => {
      const sessions = createSessions()
      return { ...(await startViteDevServer({ ...options, sessions }, { port: 0 })), sessions }
    },
    { signOut: false, app: true },
  ],
  [
    // The mount-prefix trap on connect: `use` with a path strips it from req.url.
    "Vite's dev server, mounted with server.middlewares.use('/api/kvid', toNodeHandler(proxy))",
    async (options) => {
      const sessions = createSessions()
      const { agent } = createHandlers({ ...options, sessions })
      const server = await createServer({
        ...viteConfig({ ...options, sessions }),
        plugins: [
          {
            name: 'mounted-proxy',
            configureServer(vite) {
              vite.middlewares.use('/api/kvid', toNodeHandler(agent))
            },
          },
        ],
        server: { host: '127.0.0.1', port: 0, strictPort: true, ws: false, watch: null },
        optimizeDeps: { noDiscovery: true },
      })
      await server.listen()
      const address = server.httpServer?.address()
      const port = typeof address === 'object' && address ? address.port : 0
      return { url: `http://127.0.0.1:${port}`, close: () => server.close(), sessions }
    },
    { signOut: false, app: true },
  ],
  [
    "Vite's preview server",
    async (options) => {
      const sessions = createSessions()
      return { ...(await startVitePreviewServer({ ...options, sessions }, { port: 0 })), sessions }
    },
    { signOut: false, app: true },
  ],
]

/**
 * Starts the simulator and the server before each test and stops both after it; checks that
 * no answer the test read holds the user's key.
 */
function useServer(start: Start) {
  let simulator: NodeSimulator & { url: string }
  let server: Started
  let cookie: string
  const answers: string[] = []

  beforeEach(async () => {
    simulator = await startSimulator({ sceneMs: 20, toolMs: 20 })
    simulator.admin.setUser(USER.email, { apiKey: USER.apiKey, credits: 1000 })
    server = await start({ upstream: simulator.url, apiKey: USER.apiKey })
    cookie = `session=${server.sessions.signIn(USER.email)}`
  })
  afterEach(async () => {
    await server.close()
    await simulator.close()
    for (const answer of answers.splice(0)) expect(answer).not.toContain(USER.apiKey)
  })

  /** Sends a request to the server and keeps its whole answer (headers and body) for the key check. */
  async function send(path: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}${path}`, init)
    const body = await response.text()
    answers.push(JSON.stringify([...response.headers]), body)
    return { status: response.status, type: response.headers.get('content-type'), body }
  }

  function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(body),
    })
  }

  return {
    send,
    postJson,
    answers,
    get simulator() {
      return simulator
    },
    get server() {
      return server
    },
    get cookie() {
      return cookie
    },
  }
}

const longVideo = { message: LONG_VIDEO_PROMPT, composition: { tracks: [] }, projectId: 1 }

describe.each(SERVERS)('the proxy on %s', (_name, start) => {
  const context = useServer(start)

  it('streams a long video for the signed-in user as it is made, adding the key on the way', async () => {
    // No key and no email from the browser: the proxy adds the session's.
    const response = await fetch(`${context.server.url}/api/kvid/api/agent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: context.cookie },
      body: JSON.stringify(longVideo),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const chunks: string[] = []
    const decoder = new TextDecoder()
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(decoder.decode(read.value, { stream: true }))
    }
    const body = chunks.join('')
    context.answers.push(JSON.stringify([...response.headers]), body)

    expect(body.match(/^event: scene_complete$/gm)).toHaveLength(8)
    expect(body).toMatch(/^event: done$/m)
    // Unbuffered: the first scene arrived in an earlier piece than the end of the run.
    const firstScene = chunks.findIndex((chunk) => chunk.includes('event: scene_complete'))
    const end = chunks.findIndex((chunk) => chunk.includes('event: done'))
    expect(firstScene).toBeGreaterThanOrEqual(0)
    expect(firstScene).toBeLessThan(end)
    expect(paidRequests(context.simulator)).toMatchObject({ run: 1 })
  })

  it('answers check-resume as JSON', async () => {
    const answer = await context.send('/api/kvid/api/agent/check-resume?projectId=1', {
      headers: { cookie: context.cookie },
    })

    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ success: true, data: null })
  })

  it('refuses a request without a session with 401, and sends nothing upstream', async () => {
    const answer = await context.postJson('/api/kvid/api/agent', longVideo, { cookie: '' })

    expect(answer.status).toBe(401)
    expect(context.simulator.admin.requests().total).toBe(0)
  })

  it('refuses a POST from another site with 403, session or not, and sends nothing upstream', async () => {
    const answer = await context.postJson('/api/kvid/api/agent', longVideo, {
      origin: ATTACKER,
      'sec-fetch-site': 'cross-site',
    })

    expect(answer.status).toBe(403)
    expect(context.simulator.admin.requests().total).toBe(0)
  })

  it('serves nothing but the Agent API under its path, and says what it got', async () => {
    const answer = await context.send('/api/kvid/__sim/users/editor@example.com', {
      headers: { cookie: context.cookie },
    })

    expect(answer.status).toBe(404)
    expect(JSON.parse(answer.body).message).toContain('"/api/kvid/__sim/users/editor@example.com"')
    expect(context.simulator.admin.requests().total).toBe(0)
  })
})

describe.each(SERVERS.filter(([, , routes]) => routes.signOut))(
  'a route of our own on %s',
  (_name, start) => {
    const context = useServer(start)

    it('guards its own route the same way: another site cannot sign a user out', async () => {
      const refused = await context.postJson('/api/sign-out', {}, { origin: ATTACKER })
      expect(refused.status).toBe(403)
      expect(
        (
          await context.send('/api/kvid/api/agent/check-resume?projectId=1', {
            headers: { cookie: context.cookie },
          })
        ).status,
      ).toBe(200)

      const signedOut = await context.postJson(
        '/api/sign-out',
        {},
        { 'sec-fetch-site': 'same-origin' },
      )
      expect(signedOut.status).toBe(204)
      expect(
        (
          await context.send('/api/kvid/api/agent/check-resume?projectId=1', {
            headers: { cookie: context.cookie },
          })
        ).status,
      ).toBe(401)
    })
  },
)

describe.each(SERVERS.filter(([, , routes]) => routes.app))('the app on %s', (_name, start) => {
  const context = useServer(start)

  it('leaves every other path to Vite, which serves the app', async () => {
    const page = await context.send('/')

    expect(page.status).toBe(200)
    expect(page.body).toContain('The app; the Agent API proxy answers under /api/kvid.')
  })
})
