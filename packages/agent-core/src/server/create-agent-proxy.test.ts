import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import { drain, waitFor } from '../test-utils'
import { createAgentProxy } from './create-agent-proxy'

const KEY = 'kvid_demo_key'
let simulator: NodeSimulator & { url: string }
let proxy: (request: Request) => Promise<Response>
const seen: string[] = []

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 10 })
})
afterAll(() => simulator.close())
beforeEach(() => {
  simulator.admin.reset()
  simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 500 })
  seen.length = 0
  proxy = createAgentProxy({
    upstream: simulator.url,
    apiKey: KEY,
    basePath: '/api/kvid',
    maxBodyBytes: 64 * 1024,
    resolveUser: (request) =>
      request.headers.get('cookie') === 'session=demo' ? { email: 'demo@example.com' } : null,
  })
})

/** The browser's view: requests to the app's origin, with its session cookie. */
async function browserFetch(input: RequestInfo | URL, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (!headers.has('cookie')) headers.set('cookie', 'session=demo')
  const response = await proxy(new Request(input, { ...init, headers }))
  const text = await response.clone().text()
  seen.push(text, JSON.stringify([...response.headers]))
  return response
}

const client = () => createAgentClient({ baseUrl: 'http://app.test/api/kvid', fetch: browserFetch })

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return browserFetch(`http://app.test/api/kvid${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('createAgentProxy', () => {
  it('runs as the session user whatever email or apiKey the browser sends', async () => {
    const response = await post('/api/agent', {
      message: 'An explainer about frogs in 2 scenes',
      composition: { tracks: [] },
      projectId: 3,
      email: 'other@example.com',
      apiKey: 'kvid_other',
    })
    expect(response.status).toBe(200)
    await response.text()
    expect(simulator.admin.jobs().map((job) => job.email)).toEqual(['demo@example.com'])
    expect(simulator.admin.getUser('other@example.com')?.credits).toBe(500)
  })

  it('works for the SDK in proxy mode, check-resume included, and never shows the key', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    const agent = client()
    const outcome = await drain(
      agent.run({
        message: 'An explainer about frogs in 4 scenes',
        composition: { tracks: [] },
        projectId: 7,
      }),
    )
    expect(outcome.reason).toBe('done')
    const job = await agent.checkResume({ projectId: 7 })
    expect(job).toMatchObject({ remainingScenes: 2, totalScenes: 4 })
    expect(seen.join('\n')).not.toContain(KEY)
  })

  it('streams events through as they come, with no buffering headers', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 4 })
    const controller = new AbortController()
    // The stream goes quiet after four events and stays open: they must arrive anyway.
    const direct = await proxy(
      new Request('http://app.test/api/kvid/api/agent', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'session=demo' },
        body: JSON.stringify({
          message: 'An explainer in 3 scenes',
          composition: { tracks: [] },
          projectId: 2,
        }),
        signal: controller.signal,
      }),
    )
    expect(direct.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(direct.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(direct.headers.get('content-encoding')).toBeNull()
    expect(direct.headers.get('content-length')).toBeNull()
    const reader = direct.body?.getReader()
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toMatch(/^event: tool_start/)
    controller.abort()
  })

  it('passes the browser’s abort upstream, so the job becomes resumable', async () => {
    // The job holds after its first scene (event 7), so it is still running when the abort
    // arrives: otherwise its last scenes could finish first on a busy machine.
    simulator.admin.setFaults({ stallAfterEvents: 7 })
    const controller = new AbortController()
    const response = await proxy(
      new Request('http://app.test/api/kvid/api/agent', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'session=demo' },
        body: JSON.stringify({
          message: 'An explainer in 8 scenes',
          composition: { tracks: [] },
          projectId: 4,
        }),
        signal: controller.signal,
      }),
    )
    const reader = response.body?.getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes('scene_complete')) {
      const read = await reader?.read()
      if (!read || read.done) throw new Error('the stream ended before a scene completed')
      text += decoder.decode(read.value, { stream: true })
    }
    controller.abort()
    await waitFor(() => simulator.admin.jobs()[0]?.status === 'resumable')
    expect(simulator.admin.jobs()[0]?.status).toBe('resumable')
  })

  it('passes JSON rejects through with their status and Retry-After', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const broke = await post('/api/agent', {
      message: 'x in 2 scenes',
      composition: { tracks: [] },
      projectId: 1,
    })
    expect(broke.status).toBe(402)
    expect(await broke.json()).toMatchObject({
      error: 'INSUFFICIENT_CREDIT',
      data: { required: 5, available: 0 },
    })
    simulator.admin.setFaults({ reject: 'rate_limited' })
    const limited = await post('/api/agent', {
      message: 'x',
      composition: { tracks: [] },
      projectId: 1,
    })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('30')
  })

  it('refuses unknown routes, wrong methods, non-JSON, oversize bodies and strangers', async () => {
    expect(
      (await browserFetch('http://app.test/api/kvid/__sim/reset', { method: 'POST' })).status,
    ).toBe(404)
    expect((await browserFetch('http://app.test/api/kvid/api/agent/other')).status).toBe(404)
    expect((await browserFetch('http://app.test/api/kvid/api/agent')).status).toBe(405)
    expect((await post('/api/agent', 'message=hi', { 'content-type': 'text/plain' })).status).toBe(
      415,
    )
    const huge = {
      message: 'x',
      composition: { tracks: [] },
      projectId: 1,
      padding: 'x'.repeat(70 * 1024),
    }
    expect((await post('/api/agent', huge)).status).toBe(413)
    expect((await post('/api/agent', '{nope')).status).toBe(400)
    const stranger = await post('/api/agent', { message: 'x' }, { cookie: 'session=nobody' })
    expect(stranger.status).toBe(401)
    expect(simulator.admin.requests().total).toBe(0)
  })

  it('names the path it received and the routes it serves when it answers 404', async () => {
    const other = await browserFetch('http://app.test/api/kvid/api/agent/other')
    expect(other.status).toBe(404)
    const { error, message } = await other.json()
    expect(error).toBe('NOT_FOUND')
    expect(message).toContain('"/api/kvid/api/agent/other"')
    expect(message).toContain('/api/kvid/api/agent, /api/kvid/api/agent/resume')
    expect(message).toContain('basePath "/api/kvid"')
    expect(message).not.toContain('originalUrl')

    // What a mount such as app.use('/api/kvid', …) hands over: the route without its prefix.
    const stripped = await browserFetch('http://app.test/api/agent', { method: 'POST' })
    expect(stripped.status).toBe(404)
    const hint = (await stripped.json()).message
    expect(hint).toContain('"/api/agent"')
    expect(hint).toContain('arrived without the base path')
    expect(hint).toContain('req.originalUrl')

    const long = await browserFetch(`http://app.test/${'x'.repeat(5000)}`)
    expect((await long.json()).message.length).toBeLessThan(600)
    expect(simulator.admin.requests().total).toBe(0)
  })
})
