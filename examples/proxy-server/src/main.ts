import { startExpressServer } from './express-app'
import { createHandlers } from './handlers'
import { startHonoServer } from './hono-app'
import { createSessions } from './sessions'

/**
 * Starts the proxy: `tsx src/main.ts hono` or `tsx src/main.ts express`.
 * KVID_API_URL and KVID_API_KEY say where the Agent API is and with which key;
 * KVID_EMAIL is the user the printed session signs in (your sign-in does this in an app).
 */
const framework = process.argv[2] ?? 'hono'
const { KVID_API_URL: upstream, KVID_API_KEY: apiKey, KVID_EMAIL: email } = process.env
if (!upstream || !apiKey || !email || (framework !== 'hono' && framework !== 'express')) {
  console.error('Usage: KVID_API_URL=… KVID_API_KEY=… KVID_EMAIL=… tsx src/main.ts hono|express')
  process.exit(2)
}

const sessions = createSessions()
const handlers = createHandlers({
  upstream,
  apiKey,
  sessions,
  // Your site's public address in production, e.g. PUBLIC_ORIGIN=https://app.example.com.
  allowedOrigins: process.env.PUBLIC_ORIGIN ? [process.env.PUBLIC_ORIGIN] : undefined,
})
const start = framework === 'hono' ? startHonoServer : startExpressServer
const { url } = await start(handlers, { port: Number(process.env.PORT ?? 8787) })

console.log(`${framework} proxy on ${url}/api/kvid → ${upstream}`)
console.log(`a session for ${email}: cookie session=${sessions.signIn(email)}`)
