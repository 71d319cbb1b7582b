import { settleRunningScenes } from '../state/reduce-agent-event'
import { type AgentRunState, createInitialRunState, isRunning } from '../state/run-state'

/** What survives a reload: the job, its project, its scenes and the latest composition. JSON-safe. */
export type AgentRunSnapshot = { version: 1 } & Omit<
  AgentRunState,
  'toolCalls' | 'templateWarnings' | 'error'
>

export function toRunSnapshot(state: AgentRunState): AgentRunSnapshot {
  // Tool calls, warnings and errors belong to one request and do not outlive it.
  const { toolCalls: _toolCalls, templateWarnings: _warnings, error: _error, ...saved } = state
  return { version: 1, ...saved }
}

/** A state to continue from. A run that was still streaming when saved comes back interrupted. */
export function fromRunSnapshot(snapshot: AgentRunSnapshot): AgentRunState {
  const { version: _version, ...saved } = snapshot
  const live = isRunning(saved)
  return settleRunningScenes({
    ...createInitialRunState(),
    ...saved,
    status: live ? 'interrupted' : saved.status,
  })
}

export function isRunSnapshot(value: unknown): value is AgentRunSnapshot {
  const snapshot = value as AgentRunSnapshot | null
  return (
    snapshot?.version === 1 &&
    typeof snapshot.scenes === 'object' &&
    Array.isArray(snapshot.sceneOrder)
  )
}
