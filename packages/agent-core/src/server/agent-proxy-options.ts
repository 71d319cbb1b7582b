import type { AGENT_ROUTES } from '@kvidai/agent-protocol'

/** One of the four Agent API paths the proxy serves, such as `/api/agent`. */
export type AgentProxyRoute = (typeof AGENT_ROUTES)[keyof typeof AGENT_ROUTES]

/** The signed-in user a request runs as, from `resolveUser`. */
export interface AgentProxyUser {
  /** Sent as `email` in the body (and the check-resume query), whatever the browser sent. */
  email: string
  /**
   * This user's own kvidAI API key (the Agent API's `apiKey` is per user). Used for this
   * request, in the `api-key` header and the body; without it the proxy's `apiKey` is used.
   */
  apiKey?: string
}

/** What `onRequest` is told: a request about to go to the Agent API. */
export interface AgentProxyRequestEvent<User extends AgentProxyUser = AgentProxyUser> {
  /** The browser's request. Its body has been read already. */
  request: Request
  /** As `resolveUser` returned it, `apiKey` included: do not log it whole. */
  user: User
  route: AgentProxyRoute
}

/** What `onResponse` is told: the status the proxy answers with, once it is known. */
export interface AgentProxyResponseEvent<User extends AgentProxyUser = AgentProxyUser> {
  /** Null for a path that is not an Agent API route (answered 404). */
  route: AgentProxyRoute | null
  /** For a stream, the status it opened with; the stream may still be running. */
  status: number
  /** Null when the request was refused before the user was known. */
  user: User | null
}

export interface AgentProxyOptions<User extends AgentProxyUser = AgentProxyUser> {
  /** The Agent API: a base URL such as `https://api.kvid.ai`, or a fetch handler (a simulator). */
  upstream: string | ((request: Request) => Promise<Response>)
  /**
   * The default kvidAI API key, for users `resolveUser` returns without their own `apiKey`.
   * Optional when every user carries a key; a request with neither answers 500 and logs why.
   * Keys stay on the server: they are scrubbed from anything relayed back.
   */
  apiKey?: string
  /**
   * Who the request is from, by your own session; null refuses it with 401. Return
   * `{ email, apiKey }` to run with that user's own key. If it throws or rejects, the proxy
   * answers 500 `INTERNAL_ERROR` with a generic message (the error is logged, not sent).
   */
  resolveUser(request: Request): User | null | Promise<User | null>
  /** Where the proxy is mounted, e.g. `/api/kvid`; the Agent API path follows it. */
  basePath?: string
  /**
   * Origins whose pages may call the proxy, such as `['https://app.example.com']`. A browser
   * request whose `Origin` is not listed, or whose `Sec-Fetch-Site` is neither `same-origin`
   * nor `none`, is refused with 403 before anything is read or forwarded; GET check-resume
   * included (it reads nothing secret, but another site has no business probing a user's
   * jobs or session). Requests without either header (servers, curl) pass.
   *
   * Default: the request's own origin, taken from the request URL, or from its `Host`
   * header. Set it when the server sees another host than the browser: behind a reverse
   * proxy that rewrites `Host` (nginx's `proxy_pass` does unless told
   * `proxy_set_header Host $host`), or a TLS terminator that makes `https` pages arrive as
   * `http` with another port. List the address users type, with scheme and any port.
   * The proxy never answers CORS preflights, so listing another site's origin does not let
   * its pages read answers; this list is for your own site's public addresses.
   *
   * Set it in production in any case: a page that rebinds its own domain name to your
   * server (DNS rebinding) arrives with a matching `Host` and `Sec-Fetch-Site: same-origin`,
   * and only a fixed list tells it apart. Its requests carry no cookies of your site, so a
   * `resolveUser` that reads your session refuses them anyway; one that does not (a demo
   * with a fixed user) has only this list.
   */
  allowedOrigins?: readonly string[]
  /**
   * Largest request body accepted, in bytes; more answers 413 as soon as `content-length` or
   * the running count of bytes read says so, without reading the rest.
   *
   * Default 16 MiB: every text field at the platform's limits (a 4,000-character message and
   * 50 chat entries of 8,000 characters are under 2.5 MB even if every character were a
   * six-byte JSON escape), a large composition, and around 9 MB of attached files (12 MB as
   * base64: attachments travel as base64, 4/3 of their size). The platform takes up to 10
   * files of up to 50 MB each. To accept one 50 MB file set 72 MiB (`72 * 1024 * 1024`: its
   * base64 is 66.7 MB); all ten would be about 670 MB, which a proxy should not hold. A body is held while it is parsed and re-serialised, about
   * three times its size at peak, so memory is bounded by roughly
   * `3 × maxBodyBytes × maxConcurrentRequests`.
   */
  maxBodyBytes?: number
  /**
   * Requests in flight through this proxy at once; one more answers 503 (with
   * `retry-after`) without reading its body or calling upstream. A request holds its place
   * from reading its body until the answer is over: a stream holds it until it ends or is
   * cancelled, and a long video streams for tens of minutes, so size this to the runs you
   * expect at once. Default 256.
   */
  maxConcurrentRequests?: number
  /**
   * Called when a request is about to go to the Agent API, for metering. Whatever it throws
   * or rejects with is logged and never breaks the request.
   */
  onRequest?(event: AgentProxyRequestEvent<User>): void | Promise<void>
  /**
   * Called for every answer of the proxy, refusals included, as soon as its status is known.
   * Whatever it throws or rejects with is logged and never breaks the request.
   */
  onResponse?(event: AgentProxyResponseEvent<User>): void | Promise<void>
}
