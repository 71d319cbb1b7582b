import type { DoneResult } from '@kvidai/agent-protocol'
import type { AgentProtocolError, AgentStreamError } from '../errors/agent-errors'

/** How one streamed request ended. An early reject is not an outcome: it rejects. */
export type RunOutcome =
  /** The agent sent `done`; `success` is false when scenes are left to resume. */
  | { reason: 'done'; success: boolean; result: DoneResult }
  /** The agent sent `error`, or an event broke the protocol. */
  | { reason: 'error'; error: AgentStreamError | AgentProtocolError }
  /**
   * The stream ended without `done` or `error` (`ended`), went silent for longer than the
   * idle timeout (`idle`), or the connection broke (`network`). The job can be resumed.
   */
  | { reason: 'interrupted'; cause: 'ended' | 'idle' | 'network' }
  /** The caller's signal aborted the request. */
  | { reason: 'aborted' }

export type RunOutcomeReason = RunOutcome['reason']
