import type { AgentRunStore } from '@kvidai/agent-core'
import { useProjectId } from './agent-context'

/** The run store of a project (the provider's project when none is given). */
export function useAgentStore(projectId?: number): AgentRunStore {
  const { context, projectId: resolved } = useProjectId('useAgentStore', projectId)
  return context.registry.store(resolved)
}
