/**
 * Why a request comes from a page of another site, or null when it does not. Only headers
 * are looked at, so this runs before anything is read or forwarded.
 *
 * - `Sec-Fetch-Site` (sent by current browsers on every request) must be `same-origin`, or
 *   `none` (the user typed the address or opened a bookmark).
 * - `Origin` (sent by browsers on every POST, and on cross-origin GETs) must be one of
 *   `allowedOrigins`; without that list, the request's own origin: the origin of its URL,
 *   or the `Host` header it arrived with (some servers and adapters build the URL from a
 *   configured hostname rather than from `Host`).
 *
 * A request with neither header is not from a browser page (a server, curl) and passes:
 * CSRF needs a victim's browser, and a browser always sends one of them.
 */
export function crossSiteReason(
  request: Request,
  allowedOrigins: ReadonlySet<string> | null,
): string | null {
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return 'The agent answers pages of this site only (Sec-Fetch-Site).'
  }
  const origin = request.headers.get('origin')
  if (origin === null) return null
  const allowed = allowedOrigins ? allowedOrigins.has(origin) : isOwnOrigin(request, origin)
  return allowed ? null : 'The agent answers pages of this site only (Origin).'
}

function isOwnOrigin(request: Request, origin: string): boolean {
  const url = new URL(request.url)
  if (origin === url.origin) return true
  const host = request.headers.get('host')
  if (!host) return false
  try {
    const sender = new URL(origin)
    // Through URL both sides lose a default port (`:443` for https) the same way.
    return sender.origin === origin && sender.host === new URL(`${sender.protocol}//${host}`).host
  } catch {
    return false // `Origin: null` (sandboxed frames, file pages) and anything malformed
  }
}

/** An origin as browsers send it, from what a caller configured (`https://app.example/` too). */
export function normalizeOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`createAgentProxy: allowedOrigins has "${value}", which is not a URL.`)
  }
  if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '')) {
    throw new TypeError(
      `createAgentProxy: allowedOrigins has "${value}"; give origins such as https://app.example.com.`,
    )
  }
  return url.origin
}
