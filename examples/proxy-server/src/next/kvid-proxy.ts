import { createAgentProxy } from '@kvidai/agent-core/server'
import { createSessions } from '../sessions'

/**
 * The proxy of a Next.js app (`lib/kvid-proxy.ts` in yours), shared by the App Router's
 * route handler and the Pages Router's API route beside it. KVID_API_URL and KVID_API_KEY
 * come from the environment (`.env.local`), read once when the route is first loaded.
 */
export const sessions = createSessions()

export const proxy = createAgentProxy({
  upstream: process.env.KVID_API_URL ?? 'https://api.kvid.ai',
  apiKey: process.env.KVID_API_KEY,
  basePath: '/api/kvid',
  // Your own session lookup, such as your auth library's; this example's sessions stand in.
  resolveUser: (request) => sessions.userOf(request),
})
