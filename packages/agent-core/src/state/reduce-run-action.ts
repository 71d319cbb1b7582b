import { reviveAgentError } from '../errors/agent-errors'
import { fromRunSnapshot } from '../store/run-snapshot'
import { reduceAgentEvent, settleRunningScenes, withWarning } from './reduce-agent-event'
import type { RequestEnding, RequestSentAction, RunAction, RunLogEntry } from './run-action'
import { type AgentRunState, createInitialRunState, type RunStatus } from './run-state'

/**
 * A request starts: what belonged to the last request (its error, result, shortage,
 * warnings) goes. A new run keeps only the composition; a resume or retry keeps its job's
 * scenes, or, for another job, starts that job's board afresh so no other job's scenes stay.
 */
function withRequest(state: AgentRunState, { request, projectId, plan }: RequestSentAction) {
  const base: AgentRunState =
    request.kind !== 'run' && state.jobId === request.jobId
      ? state
      : {
          ...createInitialRunState(projectId === undefined ? state.projectId : projectId),
          composition: state.composition,
          jobId: request.kind === 'run' ? null : request.jobId,
          plan: plan ?? null,
        }
  return {
    ...base,
    request,
    status: 'submitting',
    error: null,
    result: null,
    success: null,
    creditShortage: null,
    stalled: false,
    warnings: [],
  } satisfies AgentRunState
}

const ENDING_STATUS: Record<Exclude<RequestEnding['reason'], 'done'>, RunStatus> = {
  error: 'failed',
  rejected: 'rejected',
  interrupted: 'interrupted',
  aborted: 'stopped',
}

/** A request ended. `done` already said everything; any other ending is the status it leaves. */
function withEnding(state: AgentRunState, outcome: RequestEnding): AgentRunState {
  if (outcome.reason === 'done') return state.stalled ? { ...state, stalled: false } : state
  return {
    ...settleRunningScenes(state),
    status: ENDING_STATUS[outcome.reason],
    error: 'error' in outcome ? reviveAgentError(outcome.error) : state.error,
    stalled: false,
  }
}

/**
 * The one reducer of a run: folds an action, an Agent API event or a lifecycle step, into
 * the state. Pure, and the only code that decides the status and the error, so the state
 * anywhere (another tab, a devtools rewind, a restored snapshot) is `rebuildRunState(log)`.
 */
export function reduceRunAction(state: AgentRunState, action: RunAction): AgentRunState {
  switch (action.type) {
    case 'request_sent':
      return withRequest(state, action)
    case 'stall_changed':
      return state.stalled === action.stalled ? state : { ...state, stalled: action.stalled }
    case 'warning':
      return withWarning(state, action.warning)
    case 'request_ended':
      return withEnding(state, action.outcome)
    case 'command_refused':
      return state
    case 'reset':
      return createInitialRunState(action.projectId)
    case 'restored':
      return fromRunSnapshot(action.snapshot)
    default:
      return reduceAgentEvent(state, action)
  }
}

/**
 * The state a log of actions folds into, from `initial` (a fresh run by default): what
 * another tab, a devtools rewind or a test rebuilds. A log read back from JSON gives the
 * same state as the live one.
 */
export function rebuildRunState(
  log: ReadonlyArray<RunLogEntry | RunAction>,
  initial: AgentRunState = createInitialRunState(),
): AgentRunState {
  let state = initial
  for (const entry of log) state = reduceRunAction(state, 'action' in entry ? entry.action : entry)
  return state
}
