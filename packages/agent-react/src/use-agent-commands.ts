import { type RunCommands, runCommands } from '@kvidai/agent-core'
import { useProjectId } from './agent-context'

/**
 * A project's commands (`start`, `resume`, `retryScene`, `stop`, … and their `…Async`
 * forms) without holding or watching its run: for buttons that only send. Their identity
 * never changes for a project.
 */
export function useAgentCommands(options: { projectId?: number } = {}): RunCommands {
  const { context, projectId } = useProjectId('useAgentCommands', options.projectId)
  return runCommands(context.registry.store(projectId))
}
