import {
  AgentRequestError,
  type AgentRunRegistry,
  isRunning,
  type ResumableJob,
  type ResumeCheckSource,
} from '@kvidai/agent-core'
import { type QueryClient, useQuery } from '@tanstack/react-query'
import { useProjectId } from './agent-context'
import { useAgentSelector } from './use-agent-selector'

const CHECK_STALE_MS = 30_000

/** The check-resume query of a provider and project, shared by every hook that needs it. */
export function resumeCheckQuery(registry: AgentRunRegistry, projectId: number) {
  return {
    queryKey: ['kvidai', 'check-resume', registry.id, projectId] as const,
    // No abort signal: TanStack Query cancels a fetch that takes one when its last observer
    // unsubscribes, and StrictMode's rehearsal unmount (as React 18 runs it) would then send
    // a second check. An answer nobody waits for still fills the cache.
    queryFn: () => registry.client.checkResume({ projectId }),
    staleTime: CHECK_STALE_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failures: number, error: Error) =>
      failures < 2 && !(AgentRequestError.isInstance(error) && error.status < 500),
  }
}

/**
 * A project's check-resume answers from the query cache, so the core's checks and every
 * mounted `useResumeCheck` share one request. The core decides when to ask.
 */
export function queryResumeCheck(queryClient: QueryClient, registry: AgentRunRegistry) {
  return (projectId: number): ResumeCheckSource => {
    const query = resumeCheckQuery(registry, projectId)
    return {
      fetch: (fresh) => queryClient.fetchQuery({ ...query, ...(fresh && { staleTime: 0 }) }),
      cached: () => queryClient.getQueryData<ResumableJob | null>(query.queryKey),
      stale: (refetch) =>
        void queryClient.invalidateQueries(
          { queryKey: query.queryKey, refetchType: refetch ? 'active' : 'none' },
          // A check already on its way answers every caller: never a second request.
          { cancelRefetch: false },
        ),
      // Another tab's answer: held as this one's, so the tabs share one request.
      answer: (job) => queryClient.setQueryData(query.queryKey, job),
    }
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
