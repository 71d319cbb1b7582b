import {
  type AgentError,
  type AgentRunStartInput,
  type AgentRunStore,
  isRunning,
  type RunListener,
  type RunOutcome,
  type RunStatus,
} from '@kvidai/agent-core'
import { useEffect, useMemo, useRef } from 'react'
import { useProjectId } from './agent-context'
import { useAgentSelector } from './use-agent-selector'
import { resumeCheckQuery } from './use-resume-check'

export interface UseAgentRunOptions extends RunListener {
  /** Default: the provider's project. */
  projectId?: number
}

/** The commands, as their promise-returning `…Async` forms. */
export interface AgentRunCommands {
  start(input: Omit<AgentRunStartInput, 'projectId'>): Promise<RunOutcome>
  startAgain(): Promise<RunOutcome>
  resume(jobId?: string): Promise<RunOutcome>
  retryScene(sceneId: string): Promise<RunOutcome>
}

/**
 * The run's status and last error, and each command twice, as TanStack Query's `mutate`
 * and `mutateAsync`: `start(input)` sends and returns nothing (what it ends with shows in
 * the state and the callbacks; while a request streams it sends nothing), `startAsync`
 * resolves with the outcome or rejects with the error (`AgentStoreError` `RUN_IN_FLIGHT`
 * while a request streams). Likewise `startAgain`, `resume(jobId?)` and
 * `retryScene(sceneId)`. `stop()` closes the stream (a long video's job stays
 * resumable); `reset()` forgets the run and its saved snapshot.
 */
export type AgentRun = { status: RunStatus; error: AgentError | null; isRunning: boolean } & {
  [Name in keyof AgentRunCommands]: (...args: Parameters<AgentRunCommands[Name]>) => void
} & { [Name in keyof AgentRunCommands as `${Name}Async`]: AgentRunCommands[Name] } & Pick<
    AgentRunStore,
    'stop' | 'reset'
  >

/** Fire and forget: the error is already in the state and `onError`. */
function send<Args extends unknown[]>(command: (...args: Args) => Promise<RunOutcome>) {
  return (...args: Args) => {
    command(...args).catch(() => {})
  }
}

/**
 * Runs the agent for one project. Nothing is sent on render or mount: requests start only
 * from the commands. On mount the project's saved run comes back and is checked against
 * the server (one check-resume request, shared with `useResumeCheck`).
 */
export function useAgentRun(options: UseAgentRunOptions = {}): AgentRun {
  const { context, projectId } = useProjectId('useAgentRun', options.projectId)
  const { registry, queryClient } = context
  const store = registry.store(projectId)

  // Streams always call the latest callbacks rendered, never a stale closure.
  const callbacks = useRef(options)
  useEffect(() => {
    callbacks.current = options
  })
  useEffect(() => registry.listen(projectId, () => callbacks.current), [registry, projectId])
  useEffect(() => registry.hold(projectId), [registry, projectId])
  useEffect(() => {
    registry.restore(projectId, (fresh) =>
      queryClient.fetchQuery({
        ...resumeCheckQuery(registry, projectId),
        // A fresh answer goes into the shared query too, so a resume button appears.
        ...(fresh && { staleTime: 0 }),
      }),
    )
  }, [registry, queryClient, projectId])

  const status = useAgentSelector((state) => state.status, { projectId })
  const error = useAgentSelector((state) => state.error, { projectId })
  const commands = useMemo(
    () => ({
      start: send(store.start),
      startAsync: store.start,
      startAgain: send(store.startAgain),
      startAgainAsync: store.startAgain,
      resume: send(store.resume),
      resumeAsync: store.resume,
      retryScene: send(store.retryScene),
      retrySceneAsync: store.retryScene,
      stop: store.stop,
      reset: store.reset,
    }),
    [store],
  )
  return useMemo(
    () => ({ status, error, isRunning: isRunning({ status }), ...commands }),
    [status, error, commands],
  )
}
