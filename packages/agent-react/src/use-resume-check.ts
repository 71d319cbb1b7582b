import {
  AgentRequestError,
  type AgentRunRegistry,
  isRunning,
  type ResumableJob,
} from '@kvidai/agent-core'
import { type QueryClient, useQuery } from '@tanstack/react-query'
import { useProjectId } from './agent-context'
import { useAgentSelector } from './use-agent-selector'

const CHECK_STALE_MS = 30_000

/**
 * Marks every project's check stale when its run ends, so the next mounted check asks once.
 * After a stop or interruption the registry reminds twice more: a check whose answer does
 * not have that job yet (the server had not noticed the connection end) asks again.
 * One subscription per provider.
 */
export function invalidateChecksOnRunEnd(registry: AgentRunRegistry, queryClient: QueryClient) {
  return registry.onRunEnd((projectId, { jobId, again }) => {
    const { queryKey } = resumeCheckQuery(registry, projectId)
    if (again && queryClient.getQueryData<ResumableJob | null>(queryKey)?.jobId === jobId) return
    void queryClient.invalidateQueries({ queryKey, refetchType: again ? 'active' : 'none' })
  })
}

/** The check-resume query of a provider and project, shared by every hook that needs it. */
export function resumeCheckQuery(registry: AgentRunRegistry, projectId: number) {
  return {
    queryKey: ['kvidai', 'check-resume', registry.id, projectId] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      registry.client.checkResume({ projectId }, { signal }),
    staleTime: CHECK_STALE_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failures: number, error: Error) =>
      failures < 2 && !(AgentRequestError.isInstance(error) && error.status < 500),
  }
}

export interface ResumeCheck {
  /** The project's unfinished job, null when there is none, undefined before the first answer. */
  data: ResumableJob | null | undefined
  isLoading: boolean
  error: Error | null
  refetch(): void
}

/**
 * Whether the project has a job to resume. Not asked while a run streams; asked again
 * once when a run ends, however it ended. Client errors (4xx) are not retried.
 */
export function useResumeCheck(options: { projectId?: number } = {}): ResumeCheck {
  const { context, projectId } = useProjectId('useResumeCheck', options.projectId)
  const { registry, queryClient } = context
  const running = useAgentSelector(isRunning, { projectId })
  const query = useQuery(
    { ...resumeCheckQuery(registry, projectId), enabled: !running },
    queryClient,
  )

  return {
    data: running ? null : query.data,
    isLoading: query.isLoading,
    error: query.error,
    refetch: () => void (running || query.refetch()),
  }
}
