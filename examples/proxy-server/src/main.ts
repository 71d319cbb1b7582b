import { startExpressServer } from './express-app'
import { startFastifyServer } from './fastify-app'
import { createHandlers, type HandlerOptions } from './handlers'
import { startHonoServer } from './hono-app'
import type { RunningServer } from './listening'
import { startNodeHttpServer } from './node-http-app'
import { createSessions } from './sessions'
import { startViteDevServer } from './vite-app'

/**
 * Starts the proxy: `tsx src/main.ts hono|express|fastify|node|vite`.
 * KVID_API_URL and KVID_API_KEY say where the Agent API is and with which key;
 * KVID_EMAIL is the user the printed session signs in (your sign-in does this in an app).
 */
const SERVERS: Record<string, (options: HandlerOptions, port: number) => Promise<RunningServer>> = {
  hono: (options, port) => startHonoServer(createHandlers(options), { port }),
  express: (options, port) => startExpressServer(createHandlers(options), { port }),
  fastify: (options, port) => startFastifyServer(createHandlers(options), { port }),
  node: (options, port) => startNodeHttpServer(createHandlers(options), { port }),
  vite: (options, port) => startViteDevServer(options, { port }),
}

const framework = process.argv[2] ?? 'hono'
const start = SERVERS[framework]
const { KVID_API_URL: upstream, KVID_API_KEY: apiKey, KVID_EMAIL: email } = process.env
if (!upstream || !apiKey || !email || !start) {
  console.error(
    `Usage: KVID_API_URL=… KVID_API_KEY=… KVID_EMAIL=… tsx src/main.ts ${Object.keys(SERVERS).join('|')}`,
  )
  process.exit(2)
}

const sessions = createSessions()
const { url } = await start(
  {
    upstream,
    apiKey,
    sessions,
    // Your site's public address in production, e.g. PUBLIC_ORIGIN=https://app.example.com.
    allowedOrigins: process.env.PUBLIC_ORIGIN ? [process.env.PUBLIC_ORIGIN] : undefined,
  },
  Number(process.env.PORT ?? 8787),
)

console.log(`${framework} proxy on ${url}/api/kvid → ${upstream}`)
console.log(`a session for ${email}: cookie session=${sessions.signIn(email)}`)
