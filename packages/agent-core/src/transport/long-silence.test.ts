import { createSimulator } from '@kvidai/agent-sim'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import { createAgentRunStore } from '../store/create-agent-run-store'
import { CREDENTIALS, runInput, SHORT_EDIT } from '../test-utils'

/**
 * A short edit whose tool works for 95 s with nothing on the wire, as the reference allows,
 * against a client with default settings. The clock is simulated (the simulator and the
 * client share it), so the test takes milliseconds while every timer runs as it would.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

it('a 95 s silent tool: stalled after 60 s, never closed, done with its result', async () => {
  const simulator = createSimulator({ profile: 'silent' })
  const client = createAgentClient({
    baseUrl: 'http://sim.local',
    fetch: simulator.fetch,
    ...CREDENTIALS,
  })
  const store = createAgentRunStore({ client, projectId: 1 })
  const stalledAt: number[] = []
  const started = Date.now()
  store.subscribe((state, previous) => {
    if (state.stalled !== previous.stalled) stalledAt.push(Date.now() - started)
  })
  const outcome = store.start(runInput({ message: SHORT_EDIT, projectId: 1 }))
  await vi.advanceTimersByTimeAsync(59_000)
  expect(store.getState()).toMatchObject({ status: 'streaming', stalled: false })
  await vi.advanceTimersByTimeAsync(2_000)
  expect(store.getState()).toMatchObject({ status: 'streaming', stalled: true })
  await vi.advanceTimersByTimeAsync(60_000)
  await expect(outcome).resolves.toMatchObject({ reason: 'done', success: true })
  const state = store.getState()
  expect(state.stalled).toBe(false)
  expect(Object.values(state.composition?.items ?? {})).toEqual([
    expect.objectContaining({ type: 'text', text: 'Summer Sale' }),
  ])
  // Stalled at 60 s; the tool's end, at 95 s, cleared it.
  expect(stalledAt).toEqual([60_000, expect.any(Number)])
  expect(stalledAt[1]).toBeGreaterThanOrEqual(95_000)
  expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(1)
  await simulator.close()
})
