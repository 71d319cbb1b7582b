import { DEMO_USER, type Simulator } from '@kvidai/agent-sim'

export const BASE_URL = 'http://sim.test'

/**
 * What a server-side proxy does: adds the key and the user to each request, so the
 * components run in proxy mode with no key in the page — as they should in production.
 */
export function proxyFetch(simulator: Simulator, user = DEMO_USER) {
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('api-key', user.apiKey)
    let url = String(input instanceof Request ? input.url : input)
    let body = init.body
    if (typeof body === 'string') {
      body = JSON.stringify({ ...JSON.parse(body), email: user.email, apiKey: user.apiKey })
    }
    if (url.includes('/check-resume')) {
      const parsed = new URL(url)
      parsed.searchParams.set('email', user.email)
      url = parsed.toString()
    }
    return simulator.fetch(url, { ...init, headers, body })
  }
}
