import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { checkResume, post, readEvents, runBody, waitFor } from './test-support'

let simulator: NodeSimulator & { url: string }
/** Long enough that a busy machine's pause does not reap a run that is still going. */
const ZOMBIE_MS = 2000

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 30, zombieMs: ZOMBIE_MS })
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

async function rejected(response: Response) {
  return { status: response.status, body: await response.json() }
}

describe('early rejects', () => {
  it('401 UNAUTHORIZED without a known api-key header, or when body key and email disagree', async () => {
    const missing = await rejected(
      await post(fetch, simulator.url, '/api/agent', runBody(), { apiKey: null }),
    )
    expect(missing).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } })
    const unknown = await rejected(
      await post(fetch, simulator.url, '/api/agent', runBody(), { apiKey: 'x' }),
    )
    expect(unknown.status).toBe(401)
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 50 })
    const otherEmail = await rejected(
      await post(fetch, simulator.url, '/api/agent', runBody({ email: 'other@example.com' })),
    )
    expect(otherEmail).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } })
    const otherKeyInBody = await rejected(
      await post(fetch, simulator.url, '/api/agent', runBody({ apiKey: 'kvid_other' })),
    )
    expect(otherKeyInBody.status).toBe(401)
  })

  it('400 MISSING_PARAMETERS naming every missing field', async () => {
    const { status, body } = await rejected(
      await post(fetch, simulator.url, '/api/agent', {
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(status).toBe(400)
    expect(body.error).toBe('MISSING_PARAMETERS')
    expect(body.message).toMatch(/message, composition, projectId/)
    expect(body.data).toEqual({ missing: ['message', 'composition', 'projectId'] })
    const notJson = await rejected(await post(fetch, simulator.url, '/api/agent', '{oops'))
    expect(notJson).toMatchObject({ status: 400, body: { error: 'MISSING_PARAMETERS' } })
    const resume = await rejected(
      await post(fetch, simulator.url, '/api/agent/resume', {
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(resume.body.data).toEqual({ missing: ['jobId'] })
    const retry = await rejected(
      await post(fetch, simulator.url, '/api/agent/retry-scene', {
        jobId: 'job_1',
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(retry.body.data).toEqual({ missing: ['sceneId'] })
  })

  it('402 INSUFFICIENT_CREDIT with what is required and available', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 4 })
    const { status, body } = await rejected(
      await post(fetch, simulator.url, '/api/agent', runBody()),
    )
    expect(status).toBe(402)
    expect(body).toMatchObject({
      error: 'INSUFFICIENT_CREDIT',
      data: { required: 5, available: 4 },
    })
    expect(simulator.admin.getUser('demo@example.com')?.credits).toBe(4)
  })

  it('409 CONCURRENT_LIMIT while the same user has a run streaming; other users go ahead', async () => {
    const first = await post(fetch, simulator.url, '/api/agent', runBody())
    const second = await rejected(await post(fetch, simulator.url, '/api/agent', runBody()))
    expect(second).toMatchObject({ status: 409, body: { error: 'CONCURRENT_LIMIT' } })
    const resume = await rejected(
      await post(fetch, simulator.url, '/api/agent/resume', {
        jobId: 'job_x',
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(resume.body.error).toBe('CONCURRENT_LIMIT')
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 100 })
    const other = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({
        email: 'other@example.com',
        apiKey: 'kvid_other',
        message: 'An explainer in 1 scene',
      }),
      { apiKey: 'kvid_other' },
    )
    expect(other.status).toBe(200)
    await readEvents(other)
    await readEvents(first)
    const after = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({ message: 'An explainer in 1 scene' }),
    )
    expect(after.status).toBe(200)
    await readEvents(after)
  })

  it('ZOMBIE_TIMEOUT reaps a run that stopped making progress, and the job becomes resumable', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 5 })
    const stuck = await post(fetch, simulator.url, '/api/agent', runBody())
    // The run makes no progress after its fifth event: time is counted from there.
    let stalled: () => void = () => {}
    const quiet = new Promise<void>((resolve) => {
      stalled = resolve
    })
    let seen = 0
    const reading = readEvents(stuck, () => {
      if (++seen === 5) stalled()
    })
    await quiet
    // Before the threshold the run still counts as alive.
    const early = await rejected(await post(fetch, simulator.url, '/api/agent', runBody()))
    expect(early.body.error).toBe('CONCURRENT_LIMIT')
    await new Promise((resolve) => setTimeout(resolve, ZOMBIE_MS + 300))
    const reaped = await rejected(await post(fetch, simulator.url, '/api/agent', runBody()))
    expect(reaped).toMatchObject({ status: 409, body: { error: 'ZOMBIE_TIMEOUT' } })
    const stream = await reading
    expect(stream.events).toHaveLength(5)
    expect(stream.ending).toBe('error')
    await waitFor(async () => (await checkResume(fetch, simulator.url)).body.data !== null)
    const again = await post(
      fetch,
      simulator.url,
      '/api/agent',
      runBody({ message: 'An explainer in 1 scene' }),
    )
    expect(again.status).toBe(200)
    await readEvents(again)
  })

  it('429 rate_limited with Retry-After past the per-minute limit', async () => {
    const limited = await startSimulator({ sceneMs: 5, rateLimit: 2 })
    try {
      const body = runBody({ message: "Add a title 'A'" })
      for (let index = 0; index < 2; index++) {
        await readEvents(await post(fetch, limited.url, '/api/agent', body))
      }
      const response = await post(fetch, limited.url, '/api/agent', body)
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      const json = await response.json()
      expect(json).toMatchObject({
        success: false,
        error: 'rate_limited',
        retryAfter: expect.any(Number),
      })
      expect(json.data.retryAfter).toBe(json.retryAfter)
    } finally {
      await limited.close()
    }
  })
})

describe('check-resume', () => {
  it('answers null with nothing to resume, and guards its parameters and key', async () => {
    expect(await checkResume(fetch, simulator.url)).toEqual({
      status: 200,
      body: { success: true, data: null },
    })
    const noKey = await fetch(
      `${simulator.url}/api/agent/check-resume?projectId=1&email=demo@example.com`,
    )
    expect(noKey.status).toBe(401)
    const noProject = await fetch(
      `${simulator.url}/api/agent/check-resume?email=demo@example.com`,
      {
        headers: { 'api-key': 'kvid_demo_key' },
      },
    )
    expect(noProject.status).toBe(400)
    expect((await noProject.json()).data).toEqual({ missing: ['projectId'] })
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 50 })
    const foreign = await checkResume(
      fetch,
      simulator.url,
      1234,
      'other@example.com',
      'kvid_demo_key',
    )
    expect(foreign.status).toBe(401)
  })

  it('scopes jobs to their project', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    await readEvents(await post(fetch, simulator.url, '/api/agent', runBody({ projectId: 77 })))
    expect((await checkResume(fetch, simulator.url, 77)).body.data).toMatchObject({
      remainingScenes: 6,
    })
    expect((await checkResume(fetch, simulator.url, 78)).body.data).toBeNull()
  })
})

it('counts every request to the four routes, rejected or not', async () => {
  await post(fetch, simulator.url, '/api/agent', runBody(), { apiKey: null })
  await checkResume(fetch, simulator.url)
  await readEvents(
    await post(fetch, simulator.url, '/api/agent', runBody({ message: "Add a title 'A'" })),
  )
  const counts = await (await fetch(`${simulator.url}/__sim/requests`)).json()
  expect(counts).toEqual({
    total: 3,
    byRoute: {
      'POST /api/agent': 2,
      'POST /api/agent/resume': 0,
      'POST /api/agent/retry-scene': 0,
      'GET /api/agent/check-resume': 1,
    },
  })
})
