/**
 * Helpers shared by this package's tests (not part of the public API): the simulator over
 * HTTP, request counting, a fetch that serves given bytes, and a bounded wait.
 */

import type {
  AgentEvent,
  AgentProtocolWarning,
  AgentRunInput,
  UnknownAgentEvent,
} from '@kvidai/agent-protocol'
import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import {
  DEMO_USER,
  LONG_VIDEO_PROMPT,
  paidRequests,
  SHORT_EDIT_PROMPT,
} from '@kvidai/agent-sim/testing'
import { type AgentClientOptions, createAgentClient } from './client/create-agent-client'
import type { RunOutcome } from './transport/run-outcome'
import type { AgentEventStream, Fetch } from './transport/stream-agent-events'

export { runsSettled, waitFor } from '@kvidai/agent-sim/testing'
export const LONG_VIDEO = LONG_VIDEO_PROMPT
export const SHORT_EDIT = SHORT_EDIT_PROMPT
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
export const postCount = (simulator: TestSimulator) => paidRequests(simulator).total

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

/** What a test hears while it pulls a stream through. */
export interface DrainListeners {
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onWarning?: (warning: AgentProtocolWarning) => void
  onStalledChange?: (stalled: boolean) => void
}

/**
 * Pulls a request's stream to its end, handing each item to the listeners; resolves with
 * the outcome of its `request_ended` (rejects as the stream does, for an early reject).
 */
export async function drain(
  stream: AgentEventStream,
  listeners: DrainListeners = {},
): Promise<RunOutcome> {
  let outcome: RunOutcome | undefined
  for await (const action of stream) {
    if (action.type === 'request_ended') outcome = action.outcome as RunOutcome
    else if (action.type === 'warning') listeners.onWarning?.(action.warning)
    else if (action.type === 'stall_changed') listeners.onStalledChange?.(action.stalled)
    else listeners.onEvent?.(action)
  }
  if (!outcome) throw new Error('The stream ended without request_ended.')
  return outcome
}
