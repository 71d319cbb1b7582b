/**
 * Headers on every answer of the proxy, whatever it relays: browsers never sniff a type, never
 * render or run an answer as a page, and never let another site embed one.
 */
export const PROXY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
}

/** A JSON error in the Agent API's own shape, `{ success: false, error, message, data }`. */
export function reject(
  status: number,
  error: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return Response.json(
    { success: false, error, message, data: null },
    { status, headers: { ...PROXY_HEADERS, ...extraHeaders } },
  )
}

/** The status a server logs when the client went away before the answer (nginx's 499). */
export function clientClosed(): Response {
  return new Response(null, { status: 499, headers: PROXY_HEADERS })
}
