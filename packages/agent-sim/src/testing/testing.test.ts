import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simulatorHandlers } from '../msw'
import { createSimulator } from '../simulator'
import { readEvents } from '../test-support'
import {
  createMemoryStorage,
  DEMO_USER,
  generations,
  LONG_VIDEO_PROMPT,
  paidRequests,
  runsSettled,
  SHORT_EDIT_PROMPT,
  simulatorFetch,
  stageShortage,
  waitFor,
} from './index'

/** A request as the SDK sends it in proxy mode: no key, no user. */
function bare(fetch: typeof globalThis.fetch, url: string, body: object) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

const runBody = (message: string) => ({ message, composition: { tracks: [] }, projectId: 3 })

describe('simulatorFetch', () => {
  it('stands in for a proxy: adds the demo user to a bare request, and strips its mount point', async () => {
    const simulator = createSimulator({ sceneMs: 5 })
    const fetch = simulatorFetch(simulator, { basePath: '/api/kvid' })
    const run = await readEvents(
      await bare(fetch, 'https://app.test/api/kvid/api/agent', runBody(SHORT_EDIT_PROMPT)),
    )
    expect(run.events.at(-1)?.event).toBe('done')
    const check = await fetch('https://app.test/api/kvid/api/agent/check-resume?projectId=3')
    expect(await check.json()).toEqual({ success: true, data: null })
    expect(paidRequests(simulator)).toMatchObject({ run: 1, total: 1 })
  })

  it('passes a request with its own key on as it is, and adds nothing with user null', async () => {
    const simulator = createSimulator({ sceneMs: 5 })
    const own = await simulatorFetch(simulator)('https://api.test/api/agent', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': 'someone-else' },
      body: JSON.stringify({ ...runBody(SHORT_EDIT_PROMPT), ...DEMO_USER, apiKey: 'someone-else' }),
    })
    expect(own.status).toBe(401)
    const none = await bare(
      simulatorFetch(simulator, { user: null }),
      'https://api.test/api/agent',
      runBody(SHORT_EDIT_PROMPT),
    )
    expect(none.status).toBe(401)
  })
})

describe('the MSW handlers behind a proxy', () => {
  const simulator = createSimulator({ sceneMs: 5 })
  const server = setupServer(
    ...simulatorHandlers(simulator, 'https://app.test/api/kvid', { basePath: '/api/kvid' }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('answer a bare request as the demo user', async () => {
    const response = await bare(
      fetch,
      'https://app.test/api/kvid/api/agent',
      runBody(SHORT_EDIT_PROMPT),
    )
    expect(response.status).toBe(200)
    expect((await readEvents(response)).events.at(-1)?.event).toBe('done')
  })
})

describe('the scenario helpers', () => {
  it('stage a shortage after a number of scenes', async () => {
    const simulator = createSimulator({ sceneMs: 5 })
    stageShortage(simulator, { scenes: 3 })
    const fetch = simulatorFetch(simulator)
    const run = await readEvents(
      await bare(fetch, 'https://api.test/api/agent', runBody(LONG_VIDEO_PROMPT)),
    )
    const shortage = run.events.find((event) => event.event === 'insufficient_credit')
    expect(shortage?.json).toMatchObject({ totalScenes: 8, estPerScene: 10 })
    const jobId = run.events.at(-1)?.json.data.resumeJobId
    expect(generations(simulator, jobId)).toEqual([1, 1, 1, 0, 0, 0, 0, 0])
  })

  it('wait for runs to settle on the simulator’s own events', async () => {
    const simulator = createSimulator({ sceneMs: 5, faults: { cutAfterEvents: 5 } })
    await runsSettled(simulator)
    const fetch = simulatorFetch(simulator)
    const response = await bare(fetch, 'https://api.test/api/agent', runBody(LONG_VIDEO_PROMPT))
    expect(simulator.admin.activeRuns()).toHaveLength(1)
    expect((await readEvents(response)).ending).toBe('error')
    await runsSettled(simulator)
    expect(simulator.admin.activeRuns()).toHaveLength(0)
    expect(simulator.admin.jobs()[0]?.status).toBe('resumable')
  })

  it('time out with a message that says what was waited for', async () => {
    await expect(waitFor(() => false, { timeoutMs: 20, message: 'the moon' })).rejects.toThrow(
      'the moon',
    )
    expect(await waitFor(() => 'here')).toBe('here')
  })
})

describe('createMemoryStorage', () => {
  it('keeps what is set until it is removed, and lists its keys as localStorage does', () => {
    const storage = createMemoryStorage()
    storage.setItem('a', '1')
    storage.setItem('b', '2')
    storage.setItem('a', '3')
    expect(storage.getItem('a')).toBe('3')
    expect([storage.length, storage.key(0), storage.key(1), storage.key(2)]).toEqual([
      2,
      'a',
      'b',
      null,
    ])
    storage.removeItem('a')
    expect([storage.getItem('a'), storage.length, [...storage.data.keys()]]).toEqual([
      null,
      1,
      ['b'],
    ])
  })
})
