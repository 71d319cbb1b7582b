import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { post, readEvents, runBody } from './test-support'

let simulator: NodeSimulator & { url: string }

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 5 })
})
afterAll(() => simulator.close())

describe('the wire format', () => {
  it('is event line, one line of JSON, blank line — nothing else', async () => {
    const response = await post(fetch, simulator.url, '/api/agent', runBody({ locale: 'ko' }))
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(response.headers.get('content-encoding')).toBeNull()
    const result = await readEvents(response)
    const blocks = result.raw.split('\n\n')
    expect(blocks.pop()).toBe('')
    for (const block of blocks) {
      const lines = block.split('\n')
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(/^event: [a-z_]+$/)
      expect(lines[1]).toMatch(/^data: \{.*\}$/)
      expect(() => JSON.parse(lines[1]?.slice(6) ?? '')).not.toThrow()
    }
    expect(result.raw).not.toContain('\r')
    expect(result.events.at(-1)?.json.data.message).toMatch(/장면/)
  })

  it('sends each event as it happens, not at the end', async () => {
    const response = await post(fetch, simulator.url, '/api/agent', runBody())
    const reader = response.body?.getReader()
    const first = await reader?.read()
    expect(new TextDecoder().decode(first?.value)).toMatch(/^event: tool_start\n/)
    await reader?.cancel()
  })

  it('sends keep-alive comments when quiet, or named heartbeat events when asked', async () => {
    const quiet = await startSimulator({ sceneMs: 120, heartbeatMs: 20 })
    const named = await startSimulator({ sceneMs: 120, heartbeatMs: 20, heartbeat: 'event' })
    try {
      const body = runBody({ message: 'An explainer in 1 scene' })
      const comments = await readEvents(await post(fetch, quiet.url, '/api/agent', body))
      expect(comments.comments.length).toBeGreaterThan(0)
      expect(comments.raw).toContain(': keep-alive\n\n')
      const events = await readEvents(await post(fetch, named.url, '/api/agent', body))
      expect(events.events.some((event) => event.event === 'heartbeat')).toBe(true)
      expect(events.comments).toHaveLength(0)
    } finally {
      await quiet.close()
      await named.close()
    }
  })

  it('answers a reject as JSON with the reference body shape', async () => {
    const response = await post(fetch, simulator.url, '/api/agent', runBody(), { apiKey: 'nope' })
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      success: false,
      error: 'UNAUTHORIZED',
      message: expect.any(String),
      data: null,
    })
  })
})
