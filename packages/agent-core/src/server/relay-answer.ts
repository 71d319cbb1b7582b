import { mediaType } from './content-type'
import { PROXY_HEADERS, reject } from './proxy-response'
import { readLimitedText } from './read-limited-text'
import { scrubStream, scrubText } from './scrub-secrets'

/**
 * The largest answer the proxy reads whole before relaying it. Only early rejects and
 * check-resume answer without a stream, and both are a few hundred bytes of JSON.
 */
export const MAX_RELAYED_BODY_BYTES = 1024 * 1024

const NULL_BODY_STATUSES = new Set([204, 205, 304])

/**
 * What the browser may see of an upstream answer, with the secrets scrubbed from it.
 *
 * - An event stream goes through as it comes, never buffered, and `release` runs when it is
 *   over (read to the end, failed, or cancelled).
 * - Anything else is read whole (up to `MAX_RELAYED_BODY_BYTES`, else 502) and relayed as
 *   `application/json` when upstream said JSON, else as `text/plain`: an upstream HTML page is
 *   never served as HTML from the app's origin. `release` runs once it is read.
 *
 * Of upstream's headers only `retry-after` is kept: no cookies, no content encoding.
 */
export async function relayAnswer(
  answer: Response,
  { secrets, release }: { secrets: readonly string[]; release: () => void },
): Promise<Response> {
  const type = mediaType(answer.headers.get('content-type'))
  const headers = new Headers(PROXY_HEADERS)
  const retryAfter = answer.headers.get('retry-after')
  if (retryAfter) headers.set('retry-after', retryAfter)

  if (type === 'text/event-stream' && answer.body) {
    headers.set('content-type', 'text/event-stream; charset=utf-8')
    headers.set('cache-control', 'no-cache, no-transform')
    headers.set('x-accel-buffering', 'no')
    return new Response(scrubStream(answer.body, secrets, release), {
      status: answer.status,
      headers,
    })
  }

  let read: Awaited<ReturnType<typeof readLimitedText>>
  try {
    read = await readLimitedText(answer.body, { limit: MAX_RELAYED_BODY_BYTES, strict: false })
  } finally {
    release()
  }
  if (read.kind !== 'text') {
    return reject(502, 'BAD_GATEWAY', 'The Agent API answered with more than the proxy relays.')
  }
  const json = type === 'application/json' || type.endsWith('+json')
  headers.set(
    'content-type',
    json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
  )
  const body = NULL_BODY_STATUSES.has(answer.status) ? null : scrubText(read.text, secrets)
  return new Response(body, { status: answer.status, headers })
}
