/**
 * Helpers shared by this package's tests (not part of the public API): the simulator over
 * HTTP, request counting, a fetch that serves given bytes, and a bounded wait.
 */

import type { AgentRunInput } from '@kvidai/agent-protocol'
import { DEMO_USER } from '@kvidai/agent-sim'
import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { type AgentClientOptions, createAgentClient } from './client/create-agent-client'
import type { Fetch } from './transport/stream-agent-events'

export const LONG_VIDEO = 'Make a 30-second explainer about the new iPhone chip in 8 scenes.'
export const SHORT_EDIT = "Add a centered title 'Summer Sale' for 3 seconds."
export const PROJECT_ID = 1234
export const CREDENTIALS = { apiKey: DEMO_USER.apiKey, email: DEMO_USER.email }

export type TestSimulator = NodeSimulator & { url: string }

/** A simulator on a free port of 127.0.0.1, fast enough for tests. */
export function startTestSimulator(
  options: Parameters<typeof startSimulator>[0] = {},
): Promise<TestSimulator> {
  return startSimulator({ sceneMs: 10, seed: 3, ...options })
}

export function runInput(overrides: Partial<AgentRunInput> = {}): AgentRunInput {
  return { message: LONG_VIDEO, composition: { tracks: [] }, projectId: PROJECT_ID, ...overrides }
}

export function testClient(url: string, options: Partial<AgentClientOptions> = {}) {
  return createAgentClient({ baseUrl: url, ...CREDENTIALS, ...options })
}

/** Run-like POSTs the simulator has counted. */
export function postCount(simulator: TestSimulator): number {
  const { byRoute } = simulator.admin.requests()
  return (
    byRoute['POST /api/agent'] +
    byRoute['POST /api/agent/resume'] +
    byRoute['POST /api/agent/retry-scene']
  )
}

/** A fetch whose every response is a `text/event-stream` body made of exactly these chunks. */
export function chunkedFetch(chunks: Uint8Array[]): Fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk)
          controller.close()
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    )
}

/** Waits until a condition holds, checking every few ms; fails after `timeoutMs`. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await condition()
    if (value) return value as NonNullable<T>
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition.')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
