import { createAgentProxy } from '@kvidai/agent-core/server'
import { DEMO_USER, type Simulator } from '@kvidai/agent-sim'

export const BASE_URL = 'http://sim.test'

/**
 * The SDK's own server-side proxy in front of the simulator, as a `fetch`: it adds the key
 * and the user to each request, so the components run in proxy mode with no key in the
 * page — as they should in production.
 */
export function proxyFetch(simulator: Simulator, user = DEMO_USER) {
  const proxy = createAgentProxy({
    upstream: (request) => simulator.fetch(request),
    apiKey: user.apiKey,
    resolveUser: () => ({ email: user.email }),
  })
  return (input: RequestInfo | URL, init?: RequestInit) => proxy(new Request(input, init))
}
