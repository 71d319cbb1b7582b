import { http } from 'msw'
import type { Simulator } from './simulator'

/**
 * MSW handlers that answer the Agent API (and the `/__sim/` admin surface) from a
 * simulator, for a test suite that mocks the network:
 *
 *   const server = setupServer(...simulatorHandlers(createSimulator(), 'https://api.kvid.ai'))
 */
export function simulatorHandlers(simulator: Simulator, baseUrl = 'https://api.kvid.ai') {
  const base = baseUrl.replace(/\/$/, '')
  const answer = ({ request }: { request: Request }) => simulator.fetch(request)
  return [http.all(`${base}/api/agent*`, answer), http.all(`${base}/__sim/*`, answer)]
}
