import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { http } from 'msw'
import { DEMO_USER } from './options'
import type { Simulator } from './simulator'
import { simulatorFetch } from './testing/simulator-fetch'
import type { TestUser } from './testing/with-credentials'

/**
 * MSW handlers that answer the Agent API (and the `/__sim/` admin surface) from a
 * simulator, for a test suite that mocks the network. A request without an `api-key`
 * header — the SDK in proxy mode, behind your own route — gets `user`'s credentials added
 * (default the demo user), as your proxy would; give `basePath` when that route is mounted
 * under a path:
 *
 *   setupServer(...simulatorHandlers(createSimulator(), 'https://app.test/api/kvid', { basePath: '/api/kvid' }))
 */
export function simulatorHandlers(
  simulator: Simulator,
  baseUrl = 'https://api.kvid.ai',
  options: { user?: TestUser | null; basePath?: string } = {},
) {
  const base = baseUrl.replace(/\/$/, '')
  const fetch = simulatorFetch(simulator, { user: options.user ?? DEMO_USER, ...options })
  const answer = ({ request }: { request: Request }) => fetch(request)
  return [http.all(`${base}${AGENT_ROUTES.run}*`, answer), http.all(`${base}/__sim/*`, answer)]
}
