import { reject } from './rejects'

/** The header that carries the admin token. */
export const ADMIN_TOKEN_HEADER = 'x-sim-admin-token'

/** A token the header can carry and nobody guesses: 16 to 256 visible ASCII characters. */
const TOKEN_PATTERN = /^[\x21-\x7e]{16,256}$/

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The `adminToken` option, checked; a `TypeError` when it is not a usable token. */
export function checkedAdminToken(token: unknown): string | null {
  if (token === undefined || token === null) return null
  if (typeof token === 'string' && TOKEN_PATTERN.test(token)) return token
  throw new TypeError(
    'adminToken must be 16 to 256 visible ASCII characters, without spaces: ' +
      'a random string, such as 24 random bytes in base64url.',
  )
}

/** Compares every character, so the time taken does not tell how much of a guess was right. */
function sameToken(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length
  for (let index = 0; index < expected.length; index++) {
    difference |= (given.charCodeAt(index) || 0) ^ expected.charCodeAt(index)
  }
  return difference === 0
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** The media type of a `content-type`, without parameters, in lower case. */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/**
 * Why an admin request is refused, as the answer to send, or null to let it through.
 * Looks at headers only, so nothing has been read or changed when it refuses:
 *
 * 1. A page of another site (`Sec-Fetch-Site` other than `same-origin` or `none`, or an
 *    `Origin` that is not the simulator's own): 403.
 * 2. With a token, a request without it in `x-sim-admin-token`: 401. Without a token, a
 *    browser request (one with `Origin` or `Sec-Fetch-Site`) addressed to a host other than
 *    loopback: 403, since a DNS-rebinding page looks same-origin to the checks above.
 * 3. A POST, PUT, PATCH or DELETE whose body is not `application/json`: 415, so no form or
 *    `text/plain` "simple" request, which a browser sends cross-site without asking, counts.
 */
export function adminRefusal(request: Request, token: string | null): Response | null {
  const url = new URL(request.url)
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  if (
    (site !== null && site !== 'same-origin' && site !== 'none') ||
    (origin !== null && origin !== url.origin)
  ) {
    return reject('FORBIDDEN', 'The simulator admin answers no other site.')
  }
  if (token !== null) {
    if (!sameToken(request.headers.get(ADMIN_TOKEN_HEADER) ?? '', token)) {
      return reject('UNAUTHORIZED', `Send the admin token in the ${ADMIN_TOKEN_HEADER} header.`)
    }
  } else if ((site !== null || origin !== null) && !isLoopback(url.hostname)) {
    return reject('FORBIDDEN', 'Without a token, the admin answers browsers on loopback only.')
  }
  if (
    WRITES.has(request.method) &&
    mediaType(request.headers.get('content-type')) !== 'application/json'
  ) {
    return reject('invalid_input', 'Admin changes take content-type: application/json.', null, 415)
  }
  return null
}
