import type { AgentEvent, AgentProtocolWarning, UnknownAgentEvent } from '@kvidai/agent-protocol'
import type { AgentError } from '../errors/agent-errors'
import type { AgentRunSnapshot } from '../store/run-snapshot'
import type { RunOutcome } from '../transport/run-outcome'
import type { RunPlan, RunRequest } from './run-state'

/** A request was sent: a new run, a resume or a scene retry. The status becomes `submitting`. */
export interface RequestSentAction {
  type: 'request_sent'
  request: RunRequest
  /** A new run's project. */
  projectId?: number | null
  /** What check-resume said of the job a resume was sent for, when it was asked. */
  plan?: RunPlan | null
}

/** The stream went quiet past `stallAfterMs` (true), or spoke again (false). */
export interface StallChangedAction {
  type: 'stall_changed'
  stalled: boolean
}

/** A protocol oddity the stream survived. */
export interface WarningAction {
  type: 'warning'
  warning: AgentProtocolWarning
}

/**
 * How a request ended: the transport's outcome, or `rejected` when the server or the
 * client refused it before it streamed. Every ending but `done` is also the status it
 * leaves (`error` → `failed`, `aborted` → `stopped`).
 */
export type RequestEnding = RunOutcome | { reason: 'rejected'; error: AgentError }

export interface RequestEndedAction {
  type: 'request_ended'
  outcome: RequestEnding
}

/** A command was refused before anything was sent (no job to resume, say); the state stays. */
export interface CommandRefusedAction {
  type: 'command_refused'
  error: AgentError
}

/** The run was forgotten. */
export interface ResetAction {
  type: 'reset'
  projectId: number | null
}

/** A saved snapshot came back (after a reload, or from another tab). */
export interface RestoredAction {
  type: 'restored'
  snapshot: AgentRunSnapshot
}

/** What the transport yields: the stream's events, its warnings and stalls, and its end. */
export type StreamAction =
  | AgentEvent
  | UnknownAgentEvent
  | StallChangedAction
  | WarningAction
  | RequestEndedAction

/** Everything that changes a run: the Agent API's events and the client's lifecycle steps. */
export type RunAction =
  | StreamAction
  | RequestSentAction
  | CommandRefusedAction
  | ResetAction
  | RestoredAction

/** The lifecycle steps' types; every other action is an Agent API event. */
export const LIFECYCLE_ACTION_TYPES = [
  'request_sent',
  'stall_changed',
  'warning',
  'request_ended',
  'command_refused',
  'reset',
  'restored',
] as const

export type LifecycleActionType = (typeof LIFECYCLE_ACTION_TYPES)[number]

/** Whether an action is one of the Agent API's events (known or not) rather than a lifecycle step. */
export function isAgentEvent(action: RunAction): action is AgentEvent | UnknownAgentEvent {
  return !(LIFECYCLE_ACTION_TYPES as readonly string[]).includes(action.type)
}

/** One action of a run's log: its place in order and when it was reduced (ms since 1970). */
export interface RunLogEntry {
  sequence: number
  at: number
  action: RunAction
}
