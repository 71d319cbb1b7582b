// One file for the proxy's whole threat model (SECURITY.md points at it section by section),
// so it runs long: each `describe` is one threat, with the servers they share set up once.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSimulator, DEMO_USER } from '@kvidai/agent-sim'
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest'
import { waitFor } from '../test-utils'
import type { AgentProxyOptions } from './agent-proxy-options'
import { createAgentProxy } from './create-agent-proxy'

/**
 * The proxy against upstreams that misbehave on purpose: small HTTP servers on 127.0.0.1 that
 * record what reaches them and answer as each test scripts (echo the request, redirect, send
 * HTML, hold a stream open), and the simulator where a real key check matters.
 */

const KEY = 'kvid_server_secret_key'
const USER_KEY = 'kvid_user_own_key'
const EMAIL = 'signed-in@example.com'
const APP = 'http://app.test'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  /** The connection went away before the answer was complete. */
  dropped: boolean
}
type Script = (request: Seen, response: ServerResponse) => void

/** An HTTP server that records every request and answers as `script` says. */
async function startUpstream() {
  const seen: Seen[] = []
  const open: ServerResponse[] = []
  let script: Script = (_, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.end('event: done\ndata: {"success":true}\n\n')
  }
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const entry = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: Buffer.concat(chunks).toString(),
      dropped: false,
    }
    response.once('close', () => {
      entry.dropped = !response.writableFinished
    })
    seen.push(entry)
    open.push(response)
    script(entry, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Responses in the order their requests came, to end held streams. */
    open,
    answer(next: Script) {
      script = next
    },
    reset() {
      seen.length = 0
      open.length = 0
      script = (_, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.end('event: done\ndata: {"success":true}\n\n')
      }
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}

let upstream: Awaited<ReturnType<typeof startUpstream>>
let elsewhere: Awaited<ReturnType<typeof startUpstream>>
let errors: MockInstance<typeof console.error>

beforeAll(async () => {
  upstream = await startUpstream()
  elsewhere = await startUpstream()
})
afterAll(async () => {
  await upstream.close()
  await elsewhere.close()
})
beforeEach(() => {
  upstream.reset()
  elsewhere.reset()
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  for (const response of upstream.open) response.destroy()
  errors.mockRestore()
})

function proxyWith(overrides: Partial<AgentProxyOptions> = {}) {
  const resolveUser = vi.fn(() => ({ email: EMAIL }))
  const proxy = createAgentProxy({
    upstream: upstream.url,
    apiKey: KEY,
    basePath: '/api/kvid',
    maxBodyBytes: 64 * 1024,
    resolveUser,
    ...overrides,
  })
  return { proxy, resolveUser }
}

const RUN = { message: 'Make a title', composition: { tracks: [] }, projectId: 1 }

/** A POST as a browser page would send it, with the session cookie; headers say the rest. */
function post(
  path: string,
  headers: Record<string, string> = {},
  body: BodyInit = JSON.stringify(RUN),
) {
  return new Request(`${APP}/api/kvid${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: 'session=ok', ...headers },
    body,
  })
}

function get(path: string, headers: Record<string, string> = {}) {
  return new Request(`${APP}/api/kvid${path}`, { headers: { cookie: 'session=ok', ...headers } })
}

describe('cross-site requests', () => {
  it('refuses a cross-site "simple" POST (text/plain) without calling resolveUser or upstream', async () => {
    const { proxy, resolveUser } = proxyWith()
    // What a form or no-cors fetch on another site can send with the victim's cookies.
    for (const type of ['text/plain', 'text/plain; application/json', 'text/plain;charset=UTF-8']) {
      const response = await proxy(post('/api/agent', { 'content-type': type }))
      expect(response.status).toBe(415)
      expect(await response.json()).toMatchObject({
        success: false,
        error: 'UNSUPPORTED_MEDIA_TYPE',
      })
    }
    // The same from a browser that sends fetch metadata is refused even earlier.
    const flagged = await proxy(
      post('/api/agent', {
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    )
    expect(flagged.status).toBe(403)
    expect(resolveUser).not.toHaveBeenCalled()
    expect(upstream.seen).toHaveLength(0)
  })

  it('accepts application/json only as itself, optionally with charset=utf-8', async () => {
    const { proxy } = proxyWith()
    for (const type of [
      'application/json; text/plain',
      'application/json, text/plain',
      'application/jsonx',
      'application/json; charset=latin1',
    ]) {
      expect((await proxy(post('/api/agent', { 'content-type': type }))).status).toBe(415)
    }
    expect(upstream.seen).toHaveLength(0)
    for (const type of ['application/json', 'Application/JSON; charset="UTF-8"']) {
      const response = await proxy(post('/api/agent', { 'content-type': type }))
      expect(response.status).toBe(200)
      await response.text()
    }
    expect(upstream.seen).toHaveLength(2)
  })

  it('refuses Sec-Fetch-Site other than same-origin or none with 403, GET check-resume too', async () => {
    const { proxy, resolveUser } = proxyWith()
    for (const site of ['cross-site', 'same-site']) {
      const response = await proxy(post('/api/agent', { 'sec-fetch-site': site }))
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ success: false, error: 'FORBIDDEN' })
    }
    const probe = await proxy(
      get('/api/agent/check-resume?projectId=1', { 'sec-fetch-site': 'cross-site' }),
    )
    expect(probe.status).toBe(403)
    expect(resolveUser).not.toHaveBeenCalled()
    expect(upstream.seen).toHaveLength(0)
  })

  it('refuses an Origin other than the app’s own with 403, "null" included', async () => {
    const { proxy, resolveUser } = proxyWith()
    for (const origin of [
      'https://evil.example',
      'null',
      'http://app.test.evil.example',
      'https://app.test',
    ]) {
      expect((await proxy(post('/api/agent', { origin }))).status).toBe(403)
    }
    expect(resolveUser).not.toHaveBeenCalled()
    expect(upstream.seen).toHaveLength(0)
  })

  it('lets same-origin pages and requests without fetch metadata through', async () => {
    const { proxy } = proxyWith()
    const cases: Record<string, string>[] = [
      { origin: APP, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {}, // a server or curl: neither header
    ]
    for (const headers of cases) {
      const response = await proxy(post('/api/agent', headers))
      expect(response.status).toBe(200)
      await response.text()
    }
    const check = await proxy(
      get('/api/agent/check-resume?projectId=1', { 'sec-fetch-site': 'same-origin' }),
    )
    expect(check.status).toBe(200)
    await check.text()
    expect(upstream.seen).toHaveLength(4)
  })

  it('takes the origin from Host when the server built the URL from a configured hostname', async () => {
    const { proxy } = proxyWith()
    // An adapter that builds the URL from its configured hostname: the URL says localhost,
    // the browser and Host say 127.0.0.1.
    const request = new Request('http://localhost:3000/api/kvid/api/agent', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: '127.0.0.1:3000',
        origin: 'http://127.0.0.1:3000',
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify(RUN),
    })
    const response = await proxy(request)
    expect(response.status).toBe(200)
    await response.text()
    const forged = new Request(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: '127.0.0.1:3000',
        origin: 'http://127.0.0.1:4000',
      },
      body: JSON.stringify(RUN),
    })
    expect((await proxy(forged)).status).toBe(403)
  })

  it('with allowedOrigins, accepts exactly those (behind a proxy that rewrites Host)', async () => {
    const { proxy } = proxyWith({ allowedOrigins: ['https://app.example.com/'] })
    const behind = (origin: string) =>
      new Request('http://10.0.0.5:3000/api/kvid/api/agent', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: '10.0.0.5:3000', origin },
        body: JSON.stringify(RUN),
      })
    const response = await proxy(behind('https://app.example.com'))
    expect(response.status).toBe(200)
    await response.text()
    expect((await proxy(behind('http://10.0.0.5:3000'))).status).toBe(403)
    expect(() => proxyWith({ allowedOrigins: ['app.example.com'] })).toThrow(/allowedOrigins/)
    expect(() => proxyWith({ allowedOrigins: ['https://app.example.com/path'] })).toThrow(
      /allowedOrigins/,
    )
  })
})

describe('upstream redirects', () => {
  it('answers 502 and never sends the key to the redirect target', async () => {
    const { proxy } = proxyWith()
    upstream.answer((_, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/api/agent` })
      response.end()
    })
    const response = await proxy(post('/api/agent'))
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ success: false, error: 'BAD_GATEWAY' })
    upstream.answer((_, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/api/agent/check-resume` })
      response.end()
    })
    expect((await proxy(get('/api/agent/check-resume?projectId=1'))).status).toBe(502)
    expect(upstream.seen).toHaveLength(2)
    expect(upstream.seen[0]?.headers['api-key']).toBe(KEY) // the key did go upstream…
    expect(elsewhere.seen).toHaveLength(0) // …and nowhere else
  })

  it('answers 502 to a redirect from a fetch-handler upstream as well', async () => {
    const { proxy } = proxyWith({
      upstream: async () => Response.redirect(`${elsewhere.url}/api/agent`, 308),
    })
    expect((await proxy(post('/api/agent'))).status).toBe(502)
    expect(elsewhere.seen).toHaveLength(0)
  })
})

describe('what is relayed back', () => {
  const echo: Script = (request, response) => {
    response.writeHead(500, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: 'INTERNAL_ERROR', received: request }))
  }

  it('scrubs the key from an error body that echoes the request, status kept', async () => {
    const { proxy } = proxyWith()
    upstream.answer(echo)
    const response = await proxy(post('/api/agent'))
    const text = await response.text()
    expect(upstream.seen[0]?.body).toContain(KEY) // upstream did get it, and echoed it
    expect(response.status).toBe(500)
    expect(text).not.toContain(KEY)
    expect(text).toContain('[redacted]')
    expect(JSON.parse(text).received.body).toContain(EMAIL) // the rest is intact
  })

  it('scrubs a per-user key, in its JSON-escaped form too', async () => {
    const quoted = 'kvid_"quoted"\\key'
    const { proxy } = proxyWith({ resolveUser: () => ({ email: EMAIL, apiKey: quoted }) })
    upstream.answer(echo)
    const text = await (await proxy(post('/api/agent'))).text()
    expect(upstream.seen[0]?.headers['api-key']).toBe(quoted)
    expect(text).not.toContain(JSON.stringify(quoted).slice(1, -1))
    expect(text).not.toContain('quoted')
  })

  it('scrubs the key from an event stream, even split across chunks', async () => {
    const { proxy } = proxyWith()
    upstream.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(`event: tool_start\ndata: {"toolUseId":"t1","toolName":"x"}\n\n`)
      response.write(`event: error\ndata: {"error":"bad key ${KEY.slice(0, 9)}`)
      setTimeout(() => response.end(`${KEY.slice(9)}"}\n\n`), 30)
    })
    const response = await proxy(post('/api/agent'))
    const text = await response.text()
    expect(text).toContain('event: tool_start')
    expect(text).toContain('bad key [redacted]')
    expect(text).not.toContain(KEY.slice(0, 9))
  })

  it('relays HTML and other bodies as text/plain, and refuses huge ones', async () => {
    const { proxy } = proxyWith()
    const page = '<html><body><script>alert(document.cookie)</script></body></html>'
    upstream.answer((_, response) => {
      response.writeHead(502, { 'content-type': 'text/html; charset=utf-8' })
      response.end(page)
    })
    const html = await proxy(post('/api/agent'))
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await html.text()).toBe(page)
    upstream.answer((_, response) => {
      response.writeHead(503) // no content-type at all
      response.end('down for maintenance')
    })
    const bare = await proxy(post('/api/agent'))
    expect(bare.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await bare.text()).toBe('down for maintenance')
    upstream.answer((_, response) => {
      response.writeHead(500, { 'content-type': 'text/html' })
      response.end('x'.repeat(2 * 1024 * 1024))
    })
    const huge = await proxy(post('/api/agent'))
    expect(huge.status).toBe(502)
    expect(await huge.json()).toMatchObject({ error: 'BAD_GATEWAY' })
  })

  it('sends nosniff (and no-render headers) on every answer, refusals included', async () => {
    const { proxy } = proxyWith({
      maxConcurrentRequests: 1,
      resolveUser: (request) => {
        if (request.headers.get('cookie') === 'session=broken') throw new Error('store down')
        return request.headers.get('cookie') === 'session=ok' ? { email: EMAIL } : null
      },
    })
    upstream.answer((request, response) => {
      if (request.body.includes('"projectId":2')) {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        response.write('event: tool_start\ndata: {}\n\n') // held open: the one place taken
        return
      }
      response.writeHead(402, { 'content-type': 'application/json' })
      response.end('{"success":false,"error":"INSUFFICIENT_CREDIT"}')
    })
    const answers = [
      await proxy(get('/api/kvid-other')), // 404
      await proxy(get('/api/agent')), // 405
      await proxy(post('/api/agent', { 'sec-fetch-site': 'cross-site' })), // 403
      await proxy(post('/api/agent', { 'content-type': 'text/plain' })), // 415
      await proxy(post('/api/agent', {}, JSON.stringify({ padding: 'x'.repeat(70_000) }))), // 413
      await proxy(post('/api/agent', { cookie: 'session=nobody' })), // 401
      await proxy(post('/api/agent', { cookie: 'session=broken' })), // 500
      await proxy(post('/api/agent')), // 402 relayed
      await proxy(post('/api/agent', {}, JSON.stringify({ ...RUN, projectId: 2 }))), // 200 stream
    ]
    answers.push(await proxy(post('/api/agent'))) // 503
    expect(answers.map((answer) => answer.status)).toEqual([
      404, 405, 403, 415, 413, 401, 500, 402, 200, 503,
    ])
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      )
      expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
    await answers[8]?.body?.cancel()
  })
})

describe('resolveUser and keys', () => {
  it('uses the per-user key from resolveUser, in the header and the body', async () => {
    const { proxy } = proxyWith({ resolveUser: () => ({ email: EMAIL, apiKey: USER_KEY }) })
    const response = await proxy(
      post('/api/agent', {}, JSON.stringify({ ...RUN, apiKey: 'forged', email: 'x@y' })),
    )
    await response.text()
    expect(upstream.seen[0]?.headers['api-key']).toBe(USER_KEY)
    expect(JSON.parse(upstream.seen[0]?.body ?? '')).toMatchObject({
      email: EMAIL,
      apiKey: USER_KEY,
    })
    expect(upstream.seen[0]?.body).not.toContain(KEY)
  })

  it('lets a user with their own key run against the simulator, where the shared key is refused', async () => {
    const simulator = createSimulator({
      sceneMs: 5,
      users: [{ email: 'other@example.com', apiKey: 'kvid_other', credits: 500 }],
    })
    const through = (apiKey?: string) =>
      createAgentProxy({
        upstream: (request) => simulator.fetch(request),
        apiKey: DEMO_USER.apiKey,
        basePath: '/api/kvid',
        resolveUser: () => ({ email: 'other@example.com', ...(apiKey ? { apiKey } : {}) }),
      })
    const body = JSON.stringify({ ...RUN, message: 'An explainer about frogs in 2 scenes' })
    const shared = await through()(post('/api/agent', {}, body))
    expect(shared.status).toBe(401)
    const own = await through('kvid_other')(post('/api/agent', {}, body))
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('event: done')
    expect(simulator.admin.jobs().map((job) => job.email)).toEqual(['other@example.com'])
    await simulator.close()
  })

  it('needs no apiKey option when users carry keys, and answers 500 when neither has one', async () => {
    const perUser = createAgentProxy({
      upstream: upstream.url,
      basePath: '/api/kvid',
      resolveUser: (request) =>
        request.headers.get('cookie') === 'session=ok'
          ? { email: EMAIL, apiKey: USER_KEY }
          : { email: 'keyless@example.com' },
    })
    const response = await perUser(post('/api/agent'))
    expect(response.status).toBe(200)
    await response.text()
    const keyless = await perUser(post('/api/agent', { cookie: 'session=keyless' }))
    expect(keyless.status).toBe(500)
    expect(await keyless.json()).toMatchObject({ success: false, error: 'INTERNAL_ERROR' })
    expect(upstream.seen).toHaveLength(1)
    expect(String(errors.mock.calls.at(-1)?.[0])).toMatch(/no API key/)
  })

  it('answers a throwing or rejecting resolveUser with a generic 500 JSON, upstream untouched', async () => {
    const secret = 'redis://admin:hunter2@sessions.internal'
    for (const resolveUser of [
      () => {
        throw new Error(`connect ECONNREFUSED ${secret}`)
      },
      () => Promise.reject(new Error(`timeout ${secret}`)),
    ]) {
      const { proxy } = proxyWith({ resolveUser })
      const response = await proxy(post('/api/agent'))
      expect(response.status).toBe(500)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const text = await response.text()
      expect(JSON.parse(text)).toMatchObject({ success: false, error: 'INTERNAL_ERROR' })
      expect(JSON.parse(text).message).toEqual(expect.any(String))
      expect(text).not.toContain('hunter2')
      expect(text).not.toContain('ECONNREFUSED')
    }
    expect(upstream.seen).toHaveLength(0)
    expect(errors).toHaveBeenCalledTimes(2) // logged on the server instead
  })

  it('does not leak why upstream could not be reached', async () => {
    const { proxy } = proxyWith({ upstream: 'http://127.0.0.1:1' })
    const response = await proxy(post('/api/agent'))
    expect(response.status).toBe(502)
    const text = await response.text()
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/)
  })
})

describe('body size and load', () => {
  /** A body stream of 16 KiB chunks that counts the chunks asked of it and its cancel. */
  function countingBody(chunks: number) {
    const counts = { pulled: 0, cancelled: false }
    const filler = new TextEncoder().encode(`{"padding":"${'x'.repeat(16 * 1024 - 13)}`)
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          counts.pulled++
          controller.enqueue(filler)
          if (counts.pulled === chunks) controller.close()
        },
        cancel() {
          counts.cancelled = true
        },
      },
      { highWaterMark: 0 },
    )
    return { stream, counts }
  }

  function streamed(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
    return new Request(`${APP}/api/kvid/api/agent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: stream,
      duplex: 'half',
    } as RequestInit)
  }

  it('refuses an oversized body with 413 as soon as the running count passes the limit', async () => {
    const { proxy } = proxyWith({ maxBodyBytes: 64 * 1024 })
    const { stream, counts } = countingBody(1000) // 16 MiB on offer
    const response = await proxy(streamed(stream))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' })
    expect(counts.pulled).toBe(5) // 64 KiB is four chunks: the fifth passes it
    expect(counts.cancelled).toBe(true)
    expect(upstream.seen).toHaveLength(0)
  })

  it('refuses a declared content-length over the limit without reading a byte or resolving the user', async () => {
    const { proxy, resolveUser } = proxyWith({ maxBodyBytes: 64 * 1024 })
    const { stream, counts } = countingBody(1000)
    const response = await proxy(streamed(stream, { 'content-length': String(16 * 1024 * 1024) }))
    expect(response.status).toBe(413)
    expect(counts.pulled).toBe(0)
    expect(resolveUser).not.toHaveBeenCalled()
  })

  it('defaults to 16 MiB and refuses bad limits at creation', async () => {
    const { proxy } = proxyWith({ maxBodyBytes: undefined })
    const under = countingBody(1023) // 1023 × 16 KiB, then not valid JSON: read whole, 400
    expect((await proxy(streamed(under.stream))).status).toBe(400)
    expect(under.counts.pulled).toBe(1023)
    const over = countingBody(1025)
    expect((await proxy(streamed(over.stream))).status).toBe(413)
    expect(over.counts.pulled).toBe(1025)
    expect(() => proxyWith({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/)
    expect(() => proxyWith({ maxConcurrentRequests: 1.5 })).toThrow(/maxConcurrentRequests/)
    expect(() => proxyWith({ upstream: 'api.kvid.ai' })).toThrow(/upstream/)
  })

  it('caps requests in flight with 503, and frees a place when a stream ends or is cancelled', async () => {
    const { proxy } = proxyWith({ maxConcurrentRequests: 2 })
    upstream.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('event: tool_start\ndata: {}\n\n') // and stays open
    })
    const first = await proxy(post('/api/agent'))
    const second = await proxy(post('/api/agent'))
    expect([first.status, second.status]).toEqual([200, 200])
    const third = await proxy(post('/api/agent'))
    expect(third.status).toBe(503)
    expect(third.headers.get('retry-after')).toBe('5')
    expect(await third.json()).toMatchObject({ success: false, error: 'SERVICE_UNAVAILABLE' })
    expect(upstream.seen).toHaveLength(2) // the refused one never went upstream

    // The first stream ends upstream and is read to its end: its place is free again.
    upstream.open[0]?.end('event: done\ndata: {}\n\n')
    expect(await first.text()).toContain('event: done')
    const fourth = await proxy(post('/api/agent'))
    expect(fourth.status).toBe(200)
    expect((await proxy(post('/api/agent'))).status).toBe(503)

    // The browser stops reading the second: cancelled, its place is free too.
    await second.body?.cancel()
    const fifth = await proxy(post('/api/agent'))
    expect(fifth.status).toBe(200)
    await fourth.body?.cancel()
    await fifth.body?.cancel()
  })

  it('frees the place of a request the browser aborts, and of refused bodies', async () => {
    const { proxy } = proxyWith({ maxConcurrentRequests: 1 })
    upstream.answer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('event: tool_start\ndata: {}\n\n')
    })
    const controller = new AbortController()
    const request = post('/api/agent')
    const aborted = await proxy(new Request(request, { signal: controller.signal }))
    expect(aborted.status).toBe(200)
    controller.abort()
    // Upstream sees its request go away: the abort went through.
    await waitFor(() => upstream.seen[0]?.dropped)
    expect((await proxy(post('/api/agent', {}, '{nope'))).status).toBe(400)
    expect(
      (await proxy(post('/api/agent', {}, JSON.stringify({ pad: 'x'.repeat(70_000) })))).status,
    ).toBe(413)
    const next = await proxy(post('/api/agent'))
    expect(next.status).toBe(200)
    await next.body?.cancel()
  })
})

describe('metering hooks', () => {
  it('reports requests and answers, and a throwing hook never breaks the request', async () => {
    const requests: unknown[] = []
    const responses: unknown[] = []
    const { proxy } = proxyWith({
      onRequest: ({ route, user }) => {
        requests.push({ route, email: user.email })
        throw new Error('meter down')
      },
      onResponse: async ({ route, status, user }) => {
        responses.push({ route, status, email: user?.email ?? null })
        throw new Error('meter down too')
      },
    })
    const response = await proxy(post('/api/agent'))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('event: done')
    expect((await proxy(post('/api/agent', { 'sec-fetch-site': 'cross-site' }))).status).toBe(403)
    expect(requests).toEqual([{ route: '/api/agent', email: EMAIL }])
    expect(responses).toEqual([
      { route: '/api/agent', status: 200, email: EMAIL },
      { route: '/api/agent', status: 403, email: null },
    ])
    await waitFor(() => errors.mock.calls.length >= 3)
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
      'createAgentProxy: onRequest failed',
      'createAgentProxy: onResponse failed',
      'createAgentProxy: onResponse failed',
    ])
  })
})
