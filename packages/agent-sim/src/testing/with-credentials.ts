import { AGENT_ROUTES } from '@kvidai/agent-protocol'

export interface TestUser {
  email: string
  apiKey: string
}

/**
 * The request a server-side proxy would forward: the `api-key` header, the user's `email`
 * and `apiKey` in a JSON body (replacing any the page sent), `email` in the check-resume
 * query, and the path without the proxy's mount point.
 */
export async function withCredentials(
  request: Request,
  user: TestUser,
  basePath = '',
): Promise<Request> {
  const url = new URL(request.url)
  if (basePath && url.pathname.startsWith(basePath)) {
    url.pathname = url.pathname.slice(basePath.length) || '/'
  }
  const headers = new Headers(request.headers)
  headers.set('api-key', user.apiKey)
  if (url.pathname === AGENT_ROUTES.checkResume) url.searchParams.set('email', user.email)
  let body: string | undefined
  if (request.method === 'POST') {
    const text = await request.text()
    let fields: Record<string, unknown> = {}
    try {
      fields = JSON.parse(text)
    } catch {
      body = text
    }
    body ??= JSON.stringify({ ...fields, email: user.email, apiKey: user.apiKey })
  }
  return new Request(url, { method: request.method, headers, body, signal: request.signal })
}
