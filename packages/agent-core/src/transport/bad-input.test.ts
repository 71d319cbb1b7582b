import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AgentProtocolError, AgentRequestError } from '../errors/agent-errors'
import { createAgentRunStore } from '../store/create-agent-run-store'
import { runInput, testClient } from '../test-utils'

/**
 * Answers a server should not give, from a real HTTP server on 127.0.0.1. None may throw
 * out of the SDK uncaught; an odd event is reported and skipped or mended, and the run goes
 * on to its ending; one POST each, and the last good composition stays.
 */
type Answer = (response: import('node:http').ServerResponse) => void
const answers: Record<string, Answer> = {}
let posts = 0
let server: Server
let url: string

const GOOD_CHECKPOINT = `event: checkpoint\ndata: ${JSON.stringify({
  composition: {
    fps: 30,
    compositionWidth: 1920,
    compositionHeight: 1080,
    tracks: [],
    items: {},
    assets: {},
    mark: 'good',
  },
})}\n\n`

function sse(response: import('node:http').ServerResponse, text: string, end = true) {
  response.writeHead(200, { 'content-type': 'text/event-stream' })
  response.write(text)
  if (end) response.end()
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method === 'POST') posts++
    const scenario = request.url?.split('/')[1] ?? ''
    request.resume()
    request.on('end', () => answers[scenario]?.(response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

async function run(scenario: string, idleTimeoutMs = 10_000) {
  posts = 0
  const store = createAgentRunStore({
    client: testClient(`${url}/${scenario}`, { idleTimeoutMs }),
    projectId: 1,
  })
  const outcome = await store.start(runInput({ projectId: 1 })).catch((error: unknown) => error)
  expect(posts).toBe(1)
  return { outcome, state: store.getState() }
}

const DONE_WITHOUT_COMPOSITION = `event: done\ndata: ${JSON.stringify({
  success: true,
  data: { message: 'ok', toolResults: [], projectId: 1 },
})}\n\n`

describe('bad answers from the server', () => {
  answers['malformed-json'] = (response) =>
    sse(
      response,
      `${GOOD_CHECKPOINT}event: scene_start\ndata: {"sceneId": \n\n${DONE_WITHOUT_COMPOSITION}`,
    )
  answers['wrong-types'] = (response) =>
    sse(
      response,
      `${GOOD_CHECKPOINT}event: scene_start\ndata: {"sceneId": 42, "sceneIndex": "first"}\n\n${DONE_WITHOUT_COMPOSITION}`,
    )
  answers['missing-fields'] = (response) =>
    sse(response, `${GOOD_CHECKPOINT}event: plan_ready\ndata: {}\n\n${DONE_WITHOUT_COMPOSITION}`)
  answers['unreadable-done'] = (response) =>
    sse(response, `${GOOD_CHECKPOINT}event: done\ndata: <html>oops</html>\n\n`)
  answers['empty-body'] = (response) => sse(response, '')
  answers['closes-at-once'] = (response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.destroy()
  }
  answers['json-200'] = (response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"ok":true}')
  }
  answers['html-502'] = (response) => {
    response.writeHead(502, { 'content-type': 'text/html' })
    response.end('<html><body>Bad gateway</body></html>')
  }
  // Built once, before the request: building it in the handler would block this process
  // (client included) for longer than the idle watchdog allows.
  let tenMegabytes = ''
  beforeAll(() => {
    const items: Record<string, unknown> = {}
    for (let index = 0; index < 40_000; index++) {
      items[`item-${index}`] = {
        id: `item-${index}`,
        type: 'text',
        from: index,
        durationInFrames: 30,
        text: 'x'.repeat(200),
      }
    }
    const composition = {
      fps: 30,
      compositionWidth: 1920,
      compositionHeight: 1080,
      tracks: [],
      items,
      assets: {},
    }
    const done = {
      success: true,
      data: { message: 'ok', composition, toolResults: [], projectId: 1 },
    }
    tenMegabytes = `event: checkpoint\ndata: ${JSON.stringify({ composition })}\n\nevent: done\ndata: ${JSON.stringify(done)}\n\n`
    expect(tenMegabytes.length).toBeGreaterThan(20_000_000)
  })
  answers['ten-megabytes'] = (response) => sse(response, tenMegabytes)

  it.each(['malformed-json', 'wrong-types', 'missing-fields'])(
    '%s: a warning, the run reaches done, and the last good composition stays',
    async (scenario) => {
      const { outcome, state } = await run(scenario)
      expect(outcome).toMatchObject({ reason: 'done', success: true })
      expect(state.status).toBe('done')
      expect(state.warnings.length).toBeGreaterThan(0)
      expect(state.composition?.mark).toBe('good')
    },
  )

  it('a done that is not JSON: an UNREADABLE_DONE protocol error, the composition stays', async () => {
    const { outcome, state } = await run('unreadable-done')
    expect(outcome).toMatchObject({ reason: 'error' })
    const { error } = outcome as { error: unknown }
    expect(error).toBeInstanceOf(AgentProtocolError)
    expect(error).toMatchObject({ code: 'UNREADABLE_DONE', event: 'done' })
    expect(state.status).toBe('failed')
    expect(state.composition?.mark).toBe('good')
  })

  it.each(['empty-body', 'closes-at-once'])('%s: interrupted, nothing thrown', async (scenario) => {
    const { outcome, state } = await run(scenario)
    expect(outcome).toMatchObject({ reason: 'interrupted' })
    expect(state.status).toBe('interrupted')
  })

  it.each(['json-200', 'html-502'])('%s: a BAD_RESPONSE request error', async (scenario) => {
    const { outcome, state } = await run(scenario)
    expect(outcome).toBeInstanceOf(AgentRequestError)
    expect((outcome as AgentRequestError).code).toBe('BAD_RESPONSE')
    expect(state.status).toBe('rejected')
  })

  it('a 10 MB checkpoint is read whole', { timeout: 60_000 }, async () => {
    const { outcome, state } = await run('ten-megabytes', 20_000)
    expect(outcome).toMatchObject({ reason: 'done' })
    expect(Object.keys(state.composition?.items ?? {})).toHaveLength(40_000)
  })
})
