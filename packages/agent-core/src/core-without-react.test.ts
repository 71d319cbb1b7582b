import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { createAgentClient, createAgentRunStore } from './index'
import { runInput, startTestSimulator, type TestSimulator } from './test-utils'

// The core must not need React: with `react` replaced by an empty module it still runs.
vi.mock('react', () => ({}))

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator()
})
afterAll(() => simulator.close())

function browserGlobals() {
  return ['window', 'document', 'navigator.userAgent'].filter((name) => name in globalThis)
}

it('runs the whole core end to end without React or browser globals', async () => {
  expect(browserGlobals()).toEqual([])
  const seen: string[][] = []
  const client = createAgentClient({
    baseUrl: simulator.url,
    apiKey: 'kvid_demo_key',
    email: 'demo@example.com',
  })
  const store = createAgentRunStore({
    client,
    projectId: 1234,
    onEvent: () => seen.push(browserGlobals()),
  })
  simulator.admin.setFaults({ cutAfterEvents: 8 })
  expect((await store.start(runInput())).reason).toBe('interrupted')
  const job = await vi.waitFor(async () => {
    const found = await store.checkResume()
    if (!found) throw new Error('not resumable yet')
    return found
  }, 10_000)
  expect((await store.resume(job.jobId)).reason).toBe('done')
  expect(store.getState().status).toBe('done')
  expect(seen.length).toBeGreaterThan(8)
  expect(seen.every((names) => names.length === 0)).toBe(true)
  expect(browserGlobals()).toEqual([])
  // React really is gone in this file: the mock above replaced it with an empty module.
  // (A name in a variable keeps TypeScript from resolving it; the core does not depend on it.)
  const react = 'react'
  expect(Object.keys(await import(/* @vite-ignore */ react))).toEqual([])
})
