import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentRunStore } from '../store/create-agent-run-store'
import {
  postCount,
  runInput,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from '../test-utils'

/** Exactly one request per user action, where the network misbehaves (the rest of the matrix is in the other transport tests). */
let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator({ sceneMs: 5 })
})
afterAll(() => simulator.close())

const beyondRetryDelay = () => new Promise((resolve) => setTimeout(resolve, 1300))

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('one request per action', () => {
  it('a refused connection: interrupted, and nothing is sent again', async () => {
    let calls = 0
    const counting: typeof fetch = (input, init) => {
      calls++
      return fetch(input, init)
    }
    const store = createAgentRunStore({
      client: testClient(`http://127.0.0.1:${await closedPort()}`, { fetch: counting }),
      projectId: 1,
    })
    const outcome = await store.start(runInput({ projectId: 1 }))
    expect(outcome).toMatchObject({ reason: 'interrupted', cause: 'network' })
    await beyondRetryDelay()
    expect(calls).toBe(1)
  })

  it('a slow first byte: waited for, one POST', async () => {
    simulator.admin.reset()
    simulator.admin.setFaults({ delayMs: 700 })
    const store = createAgentRunStore({
      client: testClient(simulator.url, { idleTimeoutMs: 10_000 }),
      projectId: 1,
    })
    const outcome = await store.start(
      runInput({ projectId: 1, message: 'An explainer in 2 scenes' }),
    )
    expect(outcome.reason).toBe('done')
    await beyondRetryDelay()
    expect(postCount(simulator)).toBe(1)
  })

  it('a first byte slower than the watchdog: interrupted, one POST, and no run left behind', async () => {
    simulator.admin.reset()
    // The server would answer after 10 s; the 200 ms watchdog gives up long before, and the
    // abort ends the server's wait, so the test does not wait it out.
    simulator.admin.setFaults({ delayMs: 10_000 })
    const store = createAgentRunStore({
      client: testClient(simulator.url, { idleTimeoutMs: 200 }),
      projectId: 1,
    })
    const outcome = await store.start(
      runInput({ projectId: 1, message: 'An explainer in 2 scenes' }),
    )
    expect(outcome).toMatchObject({ reason: 'interrupted', cause: 'idle' })
    await beyondRetryDelay()
    expect(postCount(simulator)).toBe(1)
    // The request was dropped before the server began: nothing to pay for, nothing running.
    expect(simulator.admin.jobs()).toHaveLength(0)
    expect(simulator.admin.getUser('demo@example.com')?.credits).toBe(1000)
  })
})
