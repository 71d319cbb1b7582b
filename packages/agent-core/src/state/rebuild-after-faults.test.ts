import { describe, expect, it } from 'vitest'
import { AgentRequestError, AgentValidationError } from '../errors/agent-errors'
import { createAgentRunStore } from '../store/create-agent-run-store'
import {
  expectLogRebuilds,
  keepLog,
  PROJECT_ID,
  postCount,
  runInput,
  setupTestSimulator,
  testClient,
  waitFor,
} from '../test-utils'
import { rebuildRunState } from './reduce-run-action'
import type { RunLogEntry } from './run-action'
import { createInitialRunState } from './run-state'

/**
 * The faults the fault matrix does not stage, each against the real simulator: whatever a
 * request ends in (refused, rejected, stopped, forgotten, survived with warnings), the
 * store's action log rebuilds the state it was left in, also after a trip through JSON.
 */
const handle = setupTestSimulator()

function loggedStore(idleTimeoutMs?: number) {
  const client = testClient(handle.simulator.url, idleTimeoutMs ? { idleTimeoutMs } : {})
  const store = createAgentRunStore({ client, projectId: PROJECT_ID })
  return { store, log: keepLog(store) }
}

function expectRebuilt(log: RunLogEntry[], store: ReturnType<typeof loggedStore>['store']) {
  expectLogRebuilds(log, store.getState(), createInitialRunState(PROJECT_ID))
}

const types = (log: RunLogEntry[]) => log.map((entry) => entry.action.type)

describe('the action log after each fault', () => {
  it('a reject (INSUFFICIENT_CREDIT) after a finished run: the revived error is the same', async () => {
    const { store, log } = loggedStore()
    expect((await store.start(runInput())).reason).toBe('done')
    handle.simulator.admin.setFaults({ reject: 'INSUFFICIENT_CREDIT' })
    await expect(store.start(runInput())).rejects.toBeInstanceOf(AgentRequestError)
    expect(store.getState()).toMatchObject({ status: 'rejected' })
    expect(store.getState().error).toMatchObject({ code: 'INSUFFICIENT_CREDIT', status: 402 })
    expectRebuilt(log, store)
    const rebuilt = rebuildRunState(
      JSON.parse(JSON.stringify(log)),
      createInitialRunState(PROJECT_ID),
    )
    expect(AgentRequestError.isInstance(rebuilt.error)).toBe(true)
    expect(rebuilt.composition).toEqual(store.getState().composition)
  })

  it('a request refused by validation: sent nothing, logged its ending', async () => {
    const { store, log } = loggedStore()
    await expect(store.start(runInput({ message: '' }))).rejects.toBeInstanceOf(
      AgentValidationError,
    )
    expect(postCount(handle.simulator)).toBe(0)
    expect(types(log)).toEqual(['request_sent', 'request_ended'])
    expect(store.getState().status).toBe('rejected')
    expectRebuilt(log, store)
  })

  it('stop() while streaming, and stop() before the server answered', async () => {
    const { store, log } = loggedStore()
    const running = store.start(runInput())
    await waitFor(() => store.getState().sceneOrder.length > 1)
    store.stop()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(store.getState().status).toBe('stopped')
    expectRebuilt(log, store)

    handle.simulator.admin.setFaults({ delayMs: 1_000 })
    const waiting = store.start(runInput())
    await waitFor(() => store.getState().status === 'submitting')
    store.stop()
    expect(await waiting).toEqual({ reason: 'aborted' })
    expect(types(log).slice(-2)).toEqual(['request_sent', 'request_ended'])
    expectRebuilt(log, store)
  })

  it('reset() while streaming: the log ends on reset, and nothing after it', async () => {
    const { store, log } = loggedStore()
    const running = store.start(runInput())
    await waitFor(() => store.getState().sceneOrder.length > 1)
    store.reset()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(types(log).at(-1)).toBe('reset')
    expect(store.getState()).toEqual(createInitialRunState(PROJECT_ID))
    expectRebuilt(log, store)
  })

  it('a malformed event, an unknown event and a failed narration: warnings in the log', async () => {
    const { store, log } = loggedStore()
    handle.simulator.admin.setFaults({
      malformedAfterEvents: 4,
      unknownEventAfterEvents: 6,
      failVoices: [1],
    })
    expect((await store.start(runInput())).reason).toBe('done')
    expect(types(log)).toContain('warning')
    expect(types(log)).toContain('unknown')
    expect(store.getState().warnings.length).toBeGreaterThan(0)
    expect(store.getState().scenes['scene-2']?.voiceError).toEqual(expect.any(String))
    expectRebuilt(log, store)
  })

  it('an idle timeout after a stall, then resume', async () => {
    const { store, log } = loggedStore(150)
    handle.simulator.admin.setFaults({ stallAfterEvents: 7 })
    expect(await store.start(runInput())).toEqual({ reason: 'interrupted', cause: 'idle' })
    expectRebuilt(log, store)
    const job = await waitFor(() => store.checkResume())
    expect((await store.resume(job.jobId)).reason).toBe('done')
    expect(types(log).filter((type) => type === 'request_sent')).toHaveLength(2)
    expectRebuilt(log, store)
  })
})
