import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AgentEvent, AgentProtocolWarning, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { AGENT_REJECT_CODES } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AgentRequestError, AgentValidationError } from '../errors/agent-errors'
import {
  drain,
  postCount,
  runInput,
  SHORT_EDIT,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from '../test-utils'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

function collect() {
  const events: Array<AgentEvent | UnknownAgentEvent> = []
  return { events, onEvent: (event: AgentEvent | UnknownAgentEvent) => events.push(event) }
}

function noBrowserGlobals() {
  expect('window' in globalThis).toBe(false)
  expect('document' in globalThis).toBe(false)
}

describe('one POST, whatever happens to the stream', () => {
  it('streams a long video to done with one POST and no browser globals', async () => {
    const { events, onEvent } = collect()
    const running = drain(testClient(simulator.url).run(runInput()), {
      onEvent: (event) => {
        noBrowserGlobals()
        onEvent(event)
      },
    })
    const outcome = await running
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    expect(events.filter((event) => event.type === 'scene_complete')).toHaveLength(8)
    expect(events.at(-1)?.type).toBe('done')
    expect(postCount(simulator)).toBe(1)
    noBrowserGlobals()
  })

  it('is interrupted, not retried, when the connection is cut', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 5 })
    const { events, onEvent } = collect()
    const outcome = await drain(testClient(simulator.url).run(runInput()), { onEvent })
    expect(outcome).toEqual({ reason: 'interrupted', cause: 'network' })
    expect(events).toHaveLength(5)
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect(postCount(simulator)).toBe(1)
    noBrowserGlobals()
  })

  it('closes on silence only when asked: interrupted by idleTimeoutMs when the stream stalls', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 4 })
    const started = Date.now()
    const outcome = await drain(testClient(simulator.url, { idleTimeoutMs: 150 }).run(runInput()))
    expect(outcome).toEqual({ reason: 'interrupted', cause: 'idle' })
    expect(Date.now() - started).toBeLessThan(2000)
    await new Promise((resolve) => setTimeout(resolve, 1200))
    expect(postCount(simulator)).toBe(1)
  })

  it('skips an event whose data is not JSON, with a warning, and reaches done on one POST', async () => {
    simulator.admin.setFaults({ malformedAfterEvents: 3 })
    const { events, onEvent } = collect()
    const warnings: AgentProtocolWarning[] = []
    const outcome = await drain(testClient(simulator.url).run(runInput()), {
      onEvent,
      onWarning: (warning) => warnings.push(warning),
    })
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    expect(warnings).toEqual([
      { event: 'scene_complete', field: 'data', message: 'not JSON; skipped the event' },
    ])
    expect(events.filter((event) => event.type === 'scene_complete')).toHaveLength(8)
    expect(postCount(simulator)).toBe(1)
  })

  // Every documented code: UNAUTHORIZED, CONCURRENT_LIMIT, INSUFFICIENT_CREDIT, MISSING_PARAMETERS,
  // ZOMBIE_TIMEOUT, rate_limited, and the neighbouring APIs' codes.
  const codes = AGENT_REJECT_CODES
  it('rejects with AgentRequestError for every code, one POST each, never retried', async () => {
    for (const code of codes) {
      simulator.admin.setFaults({ reject: code })
      const failure = await drain(testClient(simulator.url).run(runInput())).catch(
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(AgentRequestError)
      expect(failure).toMatchObject({
        code,
        status: expect.any(Number),
        message: expect.any(String),
      })
      if (code === 'rate_limited') expect(failure).toMatchObject({ status: 429, retryAfter: 30 })
    }
    // fetch-event-source would retry after 1 s by default: give it the chance.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(postCount(simulator)).toBe(codes.length)
    expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(codes.length)
  })

  it('reads the Retry-After header when the body has no retryAfter', async () => {
    const fetch = async () =>
      new Response(
        JSON.stringify({ success: false, error: 'rate_limited', message: 'slow down' }),
        {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '12' },
        },
      )
    const failure = await drain(testClient('http://sim.local', { fetch }).run(runInput())).catch(
      (error: unknown) => error,
    )
    expect(failure).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 12 })
  })

  it('maps an undocumented code to UNKNOWN', async () => {
    const fetch = async () =>
      Response.json({ success: false, error: 'TEAPOT', message: 'no', data: null }, { status: 418 })
    const failure = await drain(testClient('http://sim.local', { fetch }).run(runInput())).catch(
      (error: unknown) => error,
    )
    expect(failure).toMatchObject({ code: 'UNKNOWN', status: 418, message: 'no' })
  })
})

describe('a proxy that answers with an HTML 500', () => {
  let server: Server
  let url: string
  let posts = 0

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.method === 'POST') posts++
      request.resume()
      response.writeHead(500, { 'content-type': 'text/html' })
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('rejects with BAD_RESPONSE after exactly one POST', async () => {
    const failure = await drain(testClient(url).run(runInput())).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AgentRequestError)
    expect(failure).toMatchObject({ code: 'BAD_RESPONSE', status: 500 })
    expect((failure as AgentRequestError).data).toContain('Bad Gateway')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(posts).toBe(1)
    noBrowserGlobals()
  })
})

describe('what the stream may carry', () => {
  it('passes an unknown event on as { type: "unknown" } and carries on', async () => {
    simulator.admin.setFaults({ unknownEventAfterEvents: 2 })
    const { events, onEvent } = collect()
    const outcome = await drain(testClient(simulator.url).run(runInput({ message: SHORT_EDIT })), {
      onEvent,
    })
    expect(outcome.reason).toBe('done')
    expect(events[2]).toEqual({
      type: 'unknown',
      name: 'sim_unknown_event',
      data: { note: 'an event this protocol does not define' },
    })
  })

  // Scenes take 0.9–2.1 s, the watchdog fires after 0.7 s of silence, keep-alives come every
  // 50 ms: the gap is wide enough both ways for a busy machine's pauses.
  it('tolerates heartbeat events and keep-alive comments, which keep an idle timeout quiet', async () => {
    const slow = await startTestSimulator({ sceneMs: 1500, heartbeatMs: 50, heartbeat: 'event' })
    const quiet = await startTestSimulator({ sceneMs: 1500, heartbeatMs: 50, heartbeat: 'comment' })
    try {
      const input = runInput({ message: 'A long video in 2 scenes' })
      const { events, onEvent } = collect()
      const withEvents = await drain(testClient(slow.url, { idleTimeoutMs: 700 }).run(input), {
        onEvent,
      })
      expect(withEvents.reason).toBe('done')
      expect(events.some((event) => event.type === 'heartbeat')).toBe(true)
      const withComments = await drain(testClient(quiet.url, { idleTimeoutMs: 700 }).run(input))
      expect(withComments.reason).toBe('done')
    } finally {
      await Promise.all([slow.close(), quiet.close()])
    }
  })

  it('is interrupted by an idle timeout when the same run has no keep-alives', async () => {
    const silent = await startTestSimulator({ sceneMs: 1500, heartbeatMs: 0 })
    try {
      const outcome = await drain(
        testClient(silent.url, { idleTimeoutMs: 700 }).run(
          runInput({ message: 'A long video in 2 scenes' }),
        ),
      )
      expect(outcome).toEqual({ reason: 'interrupted', cause: 'idle' })
    } finally {
      await silent.close()
    }
  })

  it('reports an in-stream error event as reason error', async () => {
    const fetch = async () =>
      new Response('event: error\ndata: {"error":"The model is overloaded."}\n\n', {
        headers: { 'content-type': 'text/event-stream' },
      })
    const outcome = await drain(testClient('http://sim.local', { fetch }).run(runInput()))
    expect(outcome.reason).toBe('error')
    expect(outcome.reason === 'error' && outcome.error.message).toBe('The model is overloaded.')
  })

  it('is interrupted when the stream ends without done', async () => {
    const fetch = async () =>
      new Response('event: tool_start\ndata: {"toolUseId":"t1","toolName":"x"}\n\n', {
        headers: { 'content-type': 'text/event-stream' },
      })
    const outcome = await drain(testClient('http://sim.local', { fetch }).run(runInput()))
    expect(outcome).toEqual({ reason: 'interrupted', cause: 'ended' })
  })

  it('resolves aborted when the caller aborts, and stops the server run', async () => {
    const controller = new AbortController()
    const running = drain(
      testClient(simulator.url).run(runInput(), { signal: controller.signal }),
      {
        onEvent: (event) => {
          if (event.type === 'scene_start') controller.abort()
        },
      },
    )
    expect(await running).toEqual({ reason: 'aborted' })
    expect(postCount(simulator)).toBe(1)
  })
})

describe('silence', () => {
  // Scenes take 0.9–2.1 s with no keep-alives; the stream counts as stalled after 0.3 s.
  it('never closes the connection by default: it reports stalled, and the run reaches done', async () => {
    const silent = await startTestSimulator({ sceneMs: 1500, heartbeatMs: 0 })
    try {
      const changes: boolean[] = []
      const outcome = await drain(
        testClient(silent.url, { stallAfterMs: 300 }).run(
          runInput({ message: 'A long video in 2 scenes' }),
        ),
        { onStalledChange: (stalled) => changes.push(stalled) },
      )
      expect(outcome).toMatchObject({ reason: 'done', success: true })
      expect(changes.length).toBeGreaterThanOrEqual(2)
      // Each stall is followed by the byte that ends it, or by the end of the stream.
      expect(changes.filter((stalled) => stalled)).toHaveLength(changes.length / 2)
      expect(changes.at(-1)).toBe(false)
      expect(postCount(silent)).toBe(1)
    } finally {
      await silent.close()
    }
  })

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '1000'])(
    'refuses a timing of %s with an error that names the fix',
    (value) => {
      for (const field of ['idleTimeoutMs', 'stallAfterMs'] as const) {
        let thrown: unknown
        try {
          testClient(simulator.url, { [field]: value as number })
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(AgentValidationError)
        expect(thrown).toMatchObject({ field, fix: expect.stringContaining('2147483647') })
      }
    },
  )

  it('accepts the longest delay setTimeout honours', () => {
    expect(() => testClient(simulator.url, { idleTimeoutMs: 2 ** 31 - 1 })).not.toThrow()
  })
})
