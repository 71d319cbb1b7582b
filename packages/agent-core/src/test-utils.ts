/**
 * Helpers shared by this package's tests (not part of the public API): the simulator over
 * HTTP, request counting, a fetch that serves given bytes, and a bounded wait.
 */

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
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
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { type AgentClientOptions, createAgentClient } from './client/create-agent-client'
import { rebuildRunState } from './state/reduce-run-action'
import type { RunLogEntry } from './state/run-action'
import type { AgentRunState } from './state/run-state'
import type { AgentRunStore } from './store/create-agent-run-store'
import type { RunOutcome } from './transport/run-outcome'
import type { AgentEventStream, Fetch } from './transport/stream-agent-events'

export { runsSettled, waitFor } from '@kvidai/agent-sim/testing'

import { runsSettled } from '@kvidai/agent-sim/testing'
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

/** A server on 127.0.0.1 that answers every request with these `text/event-stream` bytes. */
export async function serveEventStream(
  body: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** The store's action log from now on, as `subscribeActions` hears it. */
export function keepLog(store: Pick<AgentRunStore, 'subscribeActions'>): RunLogEntry[] {
  const log: RunLogEntry[] = []
  store.subscribeActions((entry) => {
    log.push(entry)
  })
  return log
}

/**
 * The log folds from `initial` into `state`: as it was logged, and after a trip through
 * JSON (saved, or sent to another tab).
 */
export function expectLogRebuilds(
  log: RunLogEntry[],
  state: AgentRunState,
  initial: AgentRunState,
  what = 'the log',
) {
  expect(rebuildRunState(log, initial), what).toEqual(state)
  const copied = JSON.parse(JSON.stringify(log)) as RunLogEntry[]
  expect(rebuildRunState(copied, initial), `${what}, read back from JSON`).toEqual(state)
}

/**
 * The simulator for a whole test file (`handle.simulator` once it runs): started before
 * the first test, settled and reset before each (a stopped request's run ends on the server
 * a moment after its connection goes), and closed after the last.
 */
export function setupTestSimulator(options: Parameters<typeof startSimulator>[0] = {}) {
  const handle = {} as { simulator: TestSimulator }
  beforeAll(async () => {
    handle.simulator = await startTestSimulator(options)
  })
  afterAll(() => handle.simulator.close())
  beforeEach(async () => {
    await runsSettled(handle.simulator)
    handle.simulator.admin.reset()
  })
  return handle
}
