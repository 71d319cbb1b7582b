import type { AgentRunRegistry } from '@kvidai/agent-core'
import { useAgentContext } from './agent-context'

/**
 * The provider's run registry: every project's store (`registry.projects()`,
 * `registry.store(projectId)`), for tools that look at all runs at once, such as devtools.
 */
export function useAgentRegistry(): AgentRunRegistry {
  return useAgentContext('useAgentRegistry').registry
}
