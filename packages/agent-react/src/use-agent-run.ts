import {
  type AgentError,
  type AgentEvent,
  type AgentRunFinish,
  type AgentRunStartInput,
  AgentStoreError,
  type Composition,
  type DoneResult,
  isRunning,
  type RunOutcome,
  type RunStatus,
  type UnknownAgentEvent,
} from '@kvidai/agent-core'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useStore } from 'zustand'
import { useProjectId } from './agent-context'
import { resumeCheckQuery } from './use-resume-check'

export interface UseAgentRunOptions {
  /** Default: the provider's project. */
  projectId?: number
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
  /** Every ending of this project's requests: done, failed, rejected, interrupted, stopped. */
  onFinish?: (finish: AgentRunFinish) => void
}

export interface AgentRun {
  status: RunStatus
  error: AgentError | null
  isRunning: boolean
  /**
   * Starts a run; call it from an event handler. While a run streams it sends nothing
   * and resolves to null. Failures resolve too: they show in `error` and `onError`.
   */
  start(input: Omit<AgentRunStartInput, 'projectId'>): Promise<RunOutcome | null>
  /** Sends the last `start` again, exactly as it was: "Try again" after a refusal. */
  startAgain(): Promise<RunOutcome | null>
  /** Resumes this run's job, the given one, or the project's unfinished job. */
  resume(jobId?: string): Promise<RunOutcome | null>
  retryScene(sceneId: string): Promise<RunOutcome | null>
  /** Stops listening; the job stays resumable on the server. */
  stop(): void
  /** Forgets the run and its saved snapshot. */
  reset(): void
}

function settle(promise: Promise<RunOutcome>): Promise<RunOutcome | null> {
  // Errors already reached the state and onError; an event handler has nothing to catch.
  return promise.catch((error: unknown) => {
    if (error instanceof AgentStoreError || error instanceof Error) return null
    throw error
  })
}

/**
 * Runs the agent for one project. Nothing is sent on render or mount: requests start only
 * from `start`, `resume` or `retryScene`. On mount the project's saved run comes back and
 * is checked against the server (one check-resume request, shared with `useResumeCheck`).
 */
export function useAgentRun(options: UseAgentRunOptions = {}): AgentRun {
  const { context, projectId } = useProjectId('useAgentRun', options.projectId)
  const { registry, queryClient } = context
  const store = registry.store(projectId)

  const callbacks = useRef(options)
  useEffect(() => {
    callbacks.current = options
  })
  useEffect(
    () =>
      registry.listen(projectId, {
        onEvent: (event) => callbacks.current.onEvent?.(event),
        onCheckpoint: (composition) => callbacks.current.onCheckpoint?.(composition),
        onDone: (result, success) => callbacks.current.onDone?.(result, success),
        onError: (error) => callbacks.current.onError?.(error),
        onFinish: (finish) => callbacks.current.onFinish?.(finish),
      }),
    [registry, projectId],
  )
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

  const status = useStore(store, (state) => state.status)
  const error = useStore(store, (state) => state.error)

  const start = useCallback<AgentRun['start']>((input) => settle(store.start(input)), [store])
  const startAgain = useCallback<AgentRun['startAgain']>(() => settle(store.startAgain()), [store])
  const resume = useCallback<AgentRun['resume']>((jobId) => settle(store.resume(jobId)), [store])
  const retryScene = useCallback<AgentRun['retryScene']>(
    (sceneId) => settle(store.retryScene(sceneId)),
    [store],
  )

  return useMemo(
    () => ({
      status,
      error,
      isRunning: isRunning({ status }),
      start,
      startAgain,
      resume,
      retryScene,
      stop: store.stop,
      reset: store.reset,
    }),
    [status, error, start, startAgain, resume, retryScene, store],
  )
}
