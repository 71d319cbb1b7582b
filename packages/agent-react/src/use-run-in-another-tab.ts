import { useSyncExternalStore } from 'react'
import { useProjectId } from './agent-context'

/**
 * Whether the project's run is another tab's, mirrored here (see `crossTab`): its commands
 * send nothing from this tab, and Stop asks the other tab to stop. False on the server and
 * where tabs are not linked.
 */
export function useRunInAnotherTab(options: { projectId?: number } = {}): boolean {
  const { context, projectId } = useProjectId('useRunInAnotherTab', options.projectId)
  const { registry } = context
  const store = registry.store(projectId)
  const read = () => registry.isMirroring(projectId)
  return useSyncExternalStore(store.subscribe, read, () => false)
}
