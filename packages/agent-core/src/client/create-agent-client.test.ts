import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AgentRequestError, AgentValidationError } from '../errors/agent-errors'
import {
  CREDENTIALS,
  drain,
  PROJECT_ID,
  postCount,
  runInput,
  SHORT_EDIT,
  startTestSimulator,
  type TestSimulator,
} from '../test-utils'
import { createAgentClient } from './create-agent-client'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

/** A fetch that records what it sends, then forwards it to the simulator. */
function spy() {
  const sent: Array<{ url: string; headers: Headers; body: unknown }> = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    sent.push({
      url: String(input),
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : null,
    })
    return simulator.fetch(input, init)
  }
  return { sent, fetch }
}

describe('createAgentClient', () => {
  it('sends the key as a header and in the body, with the email', async () => {
    const { sent, fetch } = spy()
    const client = createAgentClient({
      baseUrl: 'http://sim.local/',
      ...CREDENTIALS,
      fetch,
      headers: { 'x-trace': '1' },
    })
    const outcome = await drain(client.run(runInput({ message: SHORT_EDIT, locale: 'es' })))
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    expect(sent[0]?.url).toBe('http://sim.local/api/agent')
    expect(sent[0]?.headers.get('api-key')).toBe(CREDENTIALS.apiKey)
    expect(sent[0]?.headers.get('x-trace')).toBe('1')
    expect(sent[0]?.headers.get('content-type')).toBe('application/json')
    expect(sent[0]?.body).toMatchObject({
      ...CREDENTIALS,
      message: SHORT_EDIT,
      locale: 'es',
      projectId: PROJECT_ID,
    })
  })

  it('sends no credentials in proxy mode', async () => {
    const sent: Array<{ headers: Headers; body: Record<string, unknown> }> = []
    const client = createAgentClient({
      baseUrl: 'http://proxy.local',
      fetch: async (_input, init) => {
        sent.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) })
        return Response.json(
          { success: false, error: 'UNAUTHORIZED', message: 'no key', data: null },
          { status: 401 },
        )
      },
    })
    await expect(drain(client.resume({ jobId: 'job_1' }))).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401,
    })
    expect(sent[0]?.headers.has('api-key')).toBe(false)
    expect(sent[0]?.body).toEqual({ jobId: 'job_1' })
  })

  it('refuses invalid input without sending anything', async () => {
    const { sent, fetch } = spy()
    const client = createAgentClient({ baseUrl: 'http://sim.local', ...CREDENTIALS, fetch })
    await expect(drain(client.run(runInput({ message: '' })))).rejects.toBeInstanceOf(
      AgentValidationError,
    )
    await expect(drain(client.retryScene({ jobId: 'j', sceneId: '' }))).rejects.toMatchObject({
      field: 'sceneId',
    })
    expect(sent).toHaveLength(0)
    expect(simulator.admin.requests().total).toBe(0)
  })

  it('checks for resumable work with the project id and email', async () => {
    const { sent, fetch } = spy()
    const client = createAgentClient({ baseUrl: 'http://sim.local', ...CREDENTIALS, fetch })
    expect(await client.checkResume({ projectId: PROJECT_ID })).toBeNull()
    simulator.admin.setFaults({ cutAfterEvents: 6 })
    expect((await drain(client.run(runInput()))).reason).toBe('interrupted')
    const job = await client.checkResume({ projectId: PROJECT_ID })
    expect(job).toMatchObject({ jobId: expect.stringMatching(/^job_/), totalScenes: 8 })
    expect(job?.remainingScenes).toBeGreaterThan(0)
    const url = new URL(sent[0]?.url ?? '')
    expect(url.pathname).toBe('/api/agent/check-resume')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      projectId: '1234',
      email: CREDENTIALS.email,
    })
    expect(sent[0]?.headers.get('api-key')).toBe(CREDENTIALS.apiKey)
  })

  it('throws AgentRequestError when check-resume is refused', async () => {
    const client = createAgentClient({
      baseUrl: 'http://sim.local',
      apiKey: 'wrong',
      email: 'x@y.z',
      fetch: simulator.fetch,
    })
    await expect(client.checkResume({ projectId: 1 })).rejects.toBeInstanceOf(AgentRequestError)
    expect(postCount(simulator)).toBe(0)
  })
})
