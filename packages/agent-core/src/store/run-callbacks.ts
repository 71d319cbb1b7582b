import type {
  AgentEvent,
  AgentProtocolWarning,
  Composition,
  DoneResult,
  UnknownAgentEvent,
} from '@kvidai/agent-protocol'
import type { AgentError } from '../errors/agent-errors'
import type { CallbackErrorHandler } from '../errors/report-callback-error'
import { isAgentEvent, type RunLogEntry } from '../state/run-action'
import type { AgentRunState, RunRequest } from '../state/run-state'
import { callListener } from '../transport/call-listener'

/**
 * How a request ended: `done` (with the result; `success` false when scenes are left),
 * `failed` (the agent's error, or a broken stream), `rejected` (refused before it
 * streamed: an early reject or invalid input), `interrupted` (the connection ended or was
 * closed on silence; the job can be resumed) or `stopped` (by `stop()`).
 */
export type AgentRunFinish = { request: RunRequest | null } & (
  | { reason: 'done'; result: DoneResult; success: boolean }
  | { reason: 'failed' | 'rejected'; error: AgentError }
  | { reason: 'interrupted'; cause: 'ended' | 'idle' | 'network' }
  | { reason: 'stopped' }
)

/** What an app hears of a run, each after the reducer has applied it. */
export interface RunCallbacks {
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  /** A protocol oddity the stream survived. */
  onWarning?: (warning: AgentProtocolWarning) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
  /** Every request's ending, whatever it was: one object, so new fields never break callers. */
  onFinish?: (finish: AgentRunFinish) => void
}

/** Listens to a store's actions. */
export type RunActionListener = (entry: RunLogEntry, state: AgentRunState) => void

/** How the state a request ended in reads as a finish. */
function finishOf(state: AgentRunState, outcome: { reason: string; cause?: unknown }) {
  const { request } = state
  switch (outcome.reason) {
    case 'done':
      return { ...(outcome as AgentRunFinish & { reason: 'done' }), request }
    case 'interrupted':
      return { reason: 'interrupted', cause: outcome.cause, request } as AgentRunFinish
    case 'aborted':
      return { reason: 'stopped', request } as AgentRunFinish
    default:
      return {
        reason: outcome.reason === 'rejected' ? 'rejected' : 'failed',
        error: state.error as AgentError,
        request,
      } as AgentRunFinish
  }
}

/**
 * The one edge where a run calls an app's callbacks: an action listener that calls each,
 * after the reducer, from the latest `callbacks()`. A callback that throws is reported and
 * never ends the run.
 */
export function callbacksListener(
  callbacks: () => RunCallbacks,
  onCallbackError?: () => CallbackErrorHandler | undefined,
): RunActionListener {
  function call<Name extends keyof RunCallbacks>(
    name: Name,
    ...values: Parameters<NonNullable<RunCallbacks[Name]>>
  ) {
    callListener(callbacks(), name, values, onCallbackError?.())
  }
  return ({ action }, state) => {
    if (isAgentEvent(action)) {
      call('onEvent', action)
      if (action.type === 'checkpoint') call('onCheckpoint', action.data.composition)
    } else if (action.type === 'warning') {
      call('onWarning', action.warning)
    } else if (action.type === 'command_refused') {
      call('onError', action.error)
    } else if (action.type === 'request_ended') {
      const finish = finishOf(state, action.outcome)
      if (finish.reason === 'done') call('onDone', finish.result, finish.success)
      else if ('error' in finish) call('onError', finish.error)
      call('onFinish', finish)
    }
  }
}
