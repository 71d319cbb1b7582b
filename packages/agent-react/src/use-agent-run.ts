import { createRunObserver, type RunCallbacks, type RunObserverResult } from '@kvidai/agent-core'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useProjectId } from './agent-context'

export interface UseAgentRunOptions extends RunCallbacks {
  /** Default: the provider's project. */
  projectId?: number
}

/** The run's status and last error, and its commands (see `RunCommands` in agent-core). */
export type AgentRun = RunObserverResult

/**
 * Shows and runs the agent for one project: a `RunObserver` of agent-core. Nothing is sent
 * on render or mount; requests start only from the commands. While mounted it holds the
 * run, and on mount the project's saved run comes back and is checked against the server
 * (one check-resume request, shared with `useResumeCheck`). For commands alone, without
 * holding the run, use `useAgentCommands`.
 */
export function useAgentRun(options: UseAgentRunOptions = {}): AgentRun {
  const { context, projectId } = useProjectId('useAgentRun', options.projectId)
  const { registry } = context
  // One observer per mount and provider; it does nothing until subscribed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: options reach it through setOptions.
  const observer = useMemo(() => createRunObserver(registry, { ...options, projectId }), [registry])
  // Streams always call the latest callbacks rendered, never a stale closure.
  useEffect(() => observer.setOptions({ ...options, projectId }))
  return useSyncExternalStore(observer.subscribe, observer.getResult, observer.getResult)
}
