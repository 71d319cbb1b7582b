import type { AgentRunState } from './run-state'

/** What a status line shows of a run; everything but the scenes, tool calls and composition. */
export type RunSummary = Pick<
  AgentRunState,
  | 'status'
  | 'jobId'
  | 'plan'
  | 'result'
  | 'success'
  | 'error'
  | 'templateWarnings'
  | 'stalled'
  | 'warnings'
  | 'request'
>

/** A new object each time: compare it shallowly (the React hooks do). */
export function selectRunSummary(state: AgentRunState): RunSummary {
  const { status, jobId, plan, result, success, error, templateWarnings, stalled } = state
  return {
    status,
    jobId,
    plan,
    result,
    success,
    error,
    templateWarnings,
    stalled,
    warnings: state.warnings,
    request: state.request,
  }
}
