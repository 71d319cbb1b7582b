import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { paidRequests, SHORT_EDIT_PROMPT } from '@kvidai/agent-sim/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startExpressServer } from './express-app'
import { createHandlers } from './handlers'
import { startHonoServer } from './hono-app'
import { createSessions, type Sessions } from './sessions'

// A key of the test's own, so finding it in any answer means the proxy leaked it.
const USER = { email: 'editor@example.com', apiKey: `kvid_test_${crypto.randomUUID()}` }
const ATTACKER = 'https://attacker.example'

describe.each([
  ['Hono', startHonoServer],
  ['Express', startExpressServer],
])('the proxy on %s', (_name, start) => {
  let simulator: NodeSimulator & { url: string }
  let sessions: Sessions
  let server: { url: string; close(): Promise<void> }
  let cookie: string
  const answers: string[] = []

  beforeEach(async () => {
    simulator = await startSimulator({ sceneMs: 20, toolMs: 20 })
    simulator.admin.setUser(USER.email, { apiKey: USER.apiKey, credits: 1000 })
    sessions = createSessions()
    cookie = `session=${sessions.signIn(USER.email)}`
    server = await start(
      createHandlers({ upstream: simulator.url, apiKey: USER.apiKey, sessions }),
      {
        port: 0,
      },
    )
  })
  afterEach(async () => {
    await server.close()
    await simulator.close()
    for (const answer of answers.splice(0)) expect(answer).not.toContain(USER.apiKey)
  })

  /** Sends a request to the server and keeps its whole answer (headers and body) for the key check. */
  async function send(path: string, init: RequestInit = {}) {
    const response = await fetch(`${server.url}${path}`, init)
    const body = await response.text()
    answers.push(JSON.stringify([...response.headers]), body)
    return { status: response.status, type: response.headers.get('content-type'), body }
  }

  function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
    return send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(body),
    })
  }

  const shortEdit = { message: SHORT_EDIT_PROMPT, composition: { tracks: [] }, projectId: 1 }

  it('streams a short edit for the signed-in user, adding the key on the way', async () => {
    // No key and no email from the browser: the proxy adds the session's.
    const answer = await postJson('/api/kvid/api/agent', shortEdit)

    expect(answer.status).toBe(200)
    expect(answer.type).toMatch(/^text\/event-stream/)
    expect(answer.body).toMatch(/^event: tool_start$/m)
    expect(answer.body).toMatch(/^event: done$/m)
    expect(answer.body).toContain('Summer Sale')
    expect(paidRequests(simulator)).toMatchObject({ run: 1 })
  })

  it('answers check-resume as JSON', async () => {
    const answer = await send('/api/kvid/api/agent/check-resume?projectId=1', {
      headers: { cookie },
    })

    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ success: true, data: null })
  })

  it('refuses a request without a session with 401, and sends nothing upstream', async () => {
    const answer = await postJson('/api/kvid/api/agent', shortEdit, { cookie: '' })

    expect(answer.status).toBe(401)
    expect(simulator.admin.requests().total).toBe(0)
  })

  it('refuses a POST from another site with 403, session or not, and sends nothing upstream', async () => {
    const answer = await postJson('/api/kvid/api/agent', shortEdit, {
      origin: ATTACKER,
      'sec-fetch-site': 'cross-site',
    })

    expect(answer.status).toBe(403)
    expect(simulator.admin.requests().total).toBe(0)
  })

  it('guards its own route the same way: another site cannot sign a user out', async () => {
    const refused = await postJson('/api/sign-out', {}, { origin: ATTACKER })
    expect(refused.status).toBe(403)
    expect(
      (await send('/api/kvid/api/agent/check-resume?projectId=1', { headers: { cookie } })).status,
    ).toBe(200)

    const signedOut = await postJson('/api/sign-out', {}, { 'sec-fetch-site': 'same-origin' })
    expect(signedOut.status).toBe(204)
    expect(
      (await send('/api/kvid/api/agent/check-resume?projectId=1', { headers: { cookie } })).status,
    ).toBe(401)
  })

  it('serves nothing but the Agent API under its path', async () => {
    expect(
      (await send('/api/kvid/__sim/users/editor@example.com', { headers: { cookie } })).status,
    ).toBe(404)
  })
})
