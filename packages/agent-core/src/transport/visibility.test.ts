// @vitest-environment jsdom
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  drain,
  postCount,
  runInput,
  startTestSimulator,
  type TestSimulator,
  testClient,
} from '../test-utils'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startTestSimulator({ sceneMs: 20 })
})
afterAll(() => simulator.close())

function setVisibility(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

it('keeps one POST when a tab goes hidden and visible again mid-stream', async () => {
  let flipped = 0
  const outcome = await drain(
    testClient(simulator.url, {
      fetch: (input, init) => fetch(input, init),
    }).run(runInput()),
    {
      onEvent: (event) => {
        if (event.type !== 'scene_start') return
        flipped++
        setVisibility(true)
        setVisibility(false)
      },
    },
  )
  expect(flipped).toBeGreaterThan(0)
  expect(outcome).toMatchObject({ reason: 'done', success: true })
  await new Promise((resolve) => setTimeout(resolve, 1100))
  expect(postCount(simulator)).toBe(1)
  expect(simulator.admin.requests().total).toBe(1)
})
