import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { checkResume, names, post, readEvents, runBody, waitFor } from './test-support'

let simulator: NodeSimulator & { url: string }
let admin: string

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 10 })
  admin = `${simulator.url}/__sim`
})
afterAll(() => simulator.close())
/** Admin changes are JSON requests; the simulator refuses any other kind. */
const JSON_TYPE = { 'Content-Type': 'application/json' }

beforeEach(() => fetch(`${admin}/reset`, { method: 'POST', headers: JSON_TYPE }))

function stage(fault: Record<string, unknown>) {
  return fetch(`${admin}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  })
}

async function longVideo(message = 'An explainer in 4 scenes') {
  return readEvents(await post(fetch, simulator.url, '/api/agent', runBody({ message })))
}

describe('scripted faults over the admin surface', () => {
  it('failScenes fails those scenes once, uncharged', async () => {
    await stage({ failScenes: [1, 2] })
    const result = await longVideo()
    const failed = result.events
      .filter((event) => event.event === 'scene_failed')
      .map((event) => event.json.sceneId)
    expect(failed.sort()).toEqual(['scene-2', 'scene-3'])
    const jobId = result.events.at(-1)?.json.data.resumeJobId
    const job = await (await fetch(`${admin}/jobs/${jobId}`)).json()
    expect(job.scenes.map((scene: { charged: number }) => scene.charged)).toEqual([10, 0, 0, 10])
    const resumed = await readEvents(
      await post(fetch, simulator.url, '/api/agent/resume', {
        jobId,
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(names(resumed)).not.toContain('scene_failed')
    expect(resumed.events.at(-1)?.json.success).toBe(true)
  })

  it('failVoices completes the scene with voiceError, no narration, and no charge for the voice', async () => {
    await stage({ failVoices: [0] })
    const result = await longVideo()
    const first = result.events.find(
      (event) => event.event === 'scene_complete' && event.json.sceneId === 'scene-1',
    )
    expect(first?.json.voiceError).toMatch(/Narration/)
    const done = result.events.at(-1)?.json.data
    expect(done.composition.items['scene-1-narration']).toBeUndefined()
    expect(done.composition.items['scene-2-narration']).toBeDefined()
    expect(done.cost.breakdown.generate_voice_standard).toBe(12)
  })

  it('cutAfterEvents drops the connection after exactly that many events; the job becomes resumable', async () => {
    await stage({ cutAfterEvents: 6 })
    const result = await longVideo()
    expect(result.ending).toBe('error')
    expect(result.events).toHaveLength(6)
    await waitFor(async () => (await checkResume(fetch, simulator.url)).body.data !== null)
  })

  it('a cut right after the first event still answers 200: the stream goes out chunked from its first byte', async () => {
    await stage({ cutAfterEvents: 1 })
    // A busy process, staged: every zero-delay timer waits 20 ms, longer than the cut's 5 ms.
    // An HTTP server that reads ahead before writing the head (waiting on such a timer) then
    // meets the cut first and answers a plain 500; one that sends chunked at once does not.
    const realSetTimeout = globalThis.setTimeout
    vi.stubGlobal('setTimeout', ((handler: () => void, delay?: number, ...rest: unknown[]) =>
      realSetTimeout(handler, delay ? delay : 20, ...rest)) as typeof setTimeout)
    let response: Response
    try {
      response = await post(fetch, simulator.url, '/api/agent', runBody())
    } finally {
      vi.unstubAllGlobals()
    }
    expect(response.status).toBe(200)
    expect(response.headers.get('transfer-encoding')).toBe('chunked')
    const result = await readEvents(response, () => {})
    expect(result.ending).toBe('error')
    expect(result.events).toHaveLength(1)
  })

  it('stallAfterEvents goes silent but keeps the connection open', async () => {
    await stage({ stallAfterEvents: 3 })
    const controller = new AbortController()
    const response = await post(fetch, simulator.url, '/api/agent', runBody(), {
      signal: controller.signal,
    })
    const seen: string[] = []
    const reading = readEvents(response, (event) => seen.push(event.event))
    await waitFor(() => seen.length === 3)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(seen).toHaveLength(3)
    const runs = await (await fetch(`${admin}/runs`)).json()
    expect(runs).toEqual([
      { email: 'demo@example.com', kind: 'run', jobId: expect.stringMatching(/^job_/) },
    ])
    controller.abort()
    await waitFor(async () => (await (await fetch(`${admin}/runs`)).json()).length === 0)
    const result = await reading
    expect(result.events).toHaveLength(3)
    expect(result.comments).toHaveLength(0)
  })

  it('malformedAfterEvents sends one event whose data is not JSON, then carries on', async () => {
    await stage({ malformedAfterEvents: 2 })
    const result = await longVideo()
    expect(result.events[2]?.event).toBe('scene_complete')
    expect(result.events[2]?.json).toBeUndefined()
    expect(names(result).at(-1)).toBe('done')
  })

  it('unknownEventAfterEvents sends an event the protocol does not define, then carries on', async () => {
    await stage({ unknownEventAfterEvents: 1 })
    const result = await longVideo()
    expect(result.events[1]?.event).toBe('sim_unknown_event')
    expect(names(result).at(-1)).toBe('done')
  })

  it('reject answers the next request with that code, once', async () => {
    await stage({ reject: 'INSUFFICIENT_CREDIT' })
    const response = await post(fetch, simulator.url, '/api/agent', runBody())
    expect(response.status).toBe(402)
    expect(await response.json()).toMatchObject({
      error: 'INSUFFICIENT_CREDIT',
      data: { required: 5 },
    })
    const next = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({ message: "Add a title 'A'" }),
    )
    expect(next.status).toBe(200)
    await readEvents(next)
  })

  it('delayMs holds back the first byte', async () => {
    await stage({ delayMs: 150 })
    const started = performance.now()
    const response = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({ message: "Add a title 'A'" }),
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    await readEvents(response)
  })

  it('persistent faults apply to every run-like request until cleared', async () => {
    await stage({ reject: 'CONCURRENT_LIMIT', persistent: true })
    for (let index = 0; index < 3; index++) {
      expect((await post(fetch, simulator.url, '/api/agent', runBody())).status).toBe(409)
    }
    expect((await fetch(`${admin}/faults`, { method: 'DELETE', headers: JSON_TYPE })).status).toBe(
      200,
    )
    const response = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({ message: "Add a title 'A'" }),
    )
    expect(response.status).toBe(200)
    await readEvents(response)
  })

  it('refuses a fault it does not know', async () => {
    const response = await stage({ explode: true })
    expect(response.status).toBe(400)
    expect((await response.json()).message).toMatch(/explode/)
  })
})

describe('the admin surface', () => {
  it('creates and tops up users, and reset brings back the seeded state', async () => {
    const created = await fetch(`${admin}/users/new@example.com`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiKey: 'kvid_new', credits: 20 }),
    })
    expect(await created.json()).toEqual({
      email: 'new@example.com',
      apiKey: 'kvid_new',
      credits: 20,
    })
    const topped = await fetch(`${admin}/users/new@example.com`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ addCredits: 30 }),
    })
    expect((await topped.json()).credits).toBe(50)
    await fetch(`${admin}/reset`, { method: 'POST', headers: JSON_TYPE })
    expect((await fetch(`${admin}/users/new@example.com`)).status).toBe(404)
    expect(await (await fetch(`${admin}/users/demo@example.com`)).json()).toMatchObject({
      credits: 1000,
    })
  })

  it('is absent when turned off', async () => {
    const closed = await startSimulator({ admin: false })
    try {
      expect((await fetch(`${closed.url}/__sim/requests`)).status).toBe(404)
    } finally {
      await closed.close()
    }
  })
})
