import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simulatorHandlers } from './msw'
import { createSimulator } from './simulator'
import { checkResume, post, readEvents, runBody, waitFor } from './test-support'

describe('the in-process fetch', () => {
  it('streams without any server, and an aborted request interrupts its job', async () => {
    const simulator = createSimulator({ sceneMs: 10 })
    const controller = new AbortController()
    const response = await simulator.fetch('http://sim.test/api/agent', {
      method: 'POST',
      headers: { 'api-key': 'kvid_demo_key', 'Content-Type': 'application/json' },
      body: JSON.stringify(runBody()),
      signal: controller.signal,
    })
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
    const result = await readEvents(response, (event) => {
      if (event.event === 'scene_complete') controller.abort()
    })
    expect(result.events.filter((event) => event.event === 'scene_complete')).toHaveLength(1)
    await waitFor(
      async () => (await checkResume(simulator.fetch, 'http://sim.test')).body.data !== null,
    )
    const { data } = (await checkResume(simulator.fetch, 'http://sim.test')).body
    expect(data.remainingScenes).toBeGreaterThanOrEqual(5)
    await simulator.close()
  })
})

describe('the MSW handlers', () => {
  const simulator = createSimulator({ sceneMs: 5 })
  const server = setupServer(...simulatorHandlers(simulator, 'https://api.kvid.ai'))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('answer the Agent API at its real address with the simulator', async () => {
    const response = await post(
      fetch,
      'https://api.kvid.ai',
      '/api/agent',
      runBody({ message: 'An explainer in 2 scenes' }),
    )
    const result = await readEvents(response)
    expect(result.events.at(-1)?.json.data.messageKey).toBe('Agent.longVideo.done.complete')
    const counts = await (await fetch('https://api.kvid.ai/__sim/requests')).json()
    expect(counts.byRoute['POST /api/agent']).toBe(1)
  })
})
