import { DEMO_USER } from '../options'
import type { Simulator } from '../simulator'
import { type TestUser, withCredentials } from './with-credentials'

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

export interface SimulatorFetchOptions {
  /**
   * Whose credentials to add to a request that has none, as your server-side proxy does:
   * give the SDK a `baseUrl` and no key, as in production. Default the seeded demo user;
   * `null` adds none. A request with its own `api-key` header is passed on as it is.
   */
  user?: TestUser | null
  /** Where your proxy is mounted, stripped before the simulator sees the path (`/api/kvid`). */
  basePath?: string
}

/**
 * The simulator as a `fetch`, in process (no port, no network): hand it to the SDK's
 * `fetch` option. By default it stands in for your server-side proxy too, adding the demo
 * user's credentials, so the SDK runs in proxy mode with no key in the client.
 *
 *   const simulator = createSimulator()
 *   <KvidAgentProvider baseUrl="https://app.test/api/kvid" fetch={simulatorFetch(simulator, { basePath: '/api/kvid' })}>
 */
export function simulatorFetch(simulator: Simulator, options: SimulatorFetchOptions = {}): Fetch {
  const user = options.user === undefined ? DEMO_USER : options.user
  return async (input, init) => {
    const request = new Request(input, init)
    const bare = user && !request.headers.has('api-key')
    return simulator.fetch(bare ? await withCredentials(request, user, options.basePath) : request)
  }
}
