import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AgentClient } from '../client/create-agent-client'
import {
  type AgentError,
  AgentRequestError,
  AgentStoreError,
  AgentValidationError,
} from '../errors/agent-errors'
import type { Composition } from '../protocol/composition'
import type { AgentEvent, DoneResult, UnknownAgentEvent } from '../protocol/events'
import type { AgentRunInput, Locale, ResumableJob } from '../protocol/requests'
import { reduceAgentEvent, settleRunningScenes } from '../state/reduce-agent-event'
import { type AgentRunState, createInitialRunState } from '../state/run-state'
import type { RunOutcome } from '../transport/run-outcome'
import {
  type AgentRunSnapshot,
  fromRunSnapshot,
  isRunSnapshot,
  toRunSnapshot,
} from './run-snapshot'
import type { RunStorage } from './run-storage'

export interface AgentRunStoreOptions {
  client: AgentClient
  /** The project runs belong to; `start` may pass its own. */
  projectId?: number
  /** Sent with every request unless `start` says otherwise. */
  locale?: Locale
  /** Keeps a snapshot across reloads; see `restore()`. */
  storage?: RunStorage
  /** Default `kvidai-agent-run:<projectId>`. */
  storageKey?: string
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
}

export type AgentRunStartInput = Omit<AgentRunInput, 'projectId'> & { projectId?: number }

export interface AgentRunStore
  extends Pick<StoreApi<AgentRunState>, 'getState' | 'getInitialState' | 'subscribe'> {
  /** Starts a new run. Rejects with `RUN_IN_FLIGHT` while another request streams. */
  start(input: AgentRunStartInput): Promise<RunOutcome>
  /** Resumes the given job, else this store's job, else the project's job from check-resume. */
  resume(jobId?: string): Promise<RunOutcome>
  retryScene(sceneId: string): Promise<RunOutcome>
  checkResume(): Promise<ResumableJob | null>
  /** Aborts the request in flight; the state becomes `stopped`. */
  stop(): void
  /** Aborts, forgets everything and clears the saved snapshot. */
  reset(): void
  toSnapshot(): AgentRunSnapshot
  fromSnapshot(snapshot: AgentRunSnapshot): void
  /** Loads the snapshot from `storage`; resolves whether there was one. */
  restore(): Promise<boolean>
}

/**
 * A store for one project's agent runs, on `zustand/vanilla`. One request at a time; every
 * event goes through `reduceAgentEvent`; nothing a failure says clears the composition.
 */
export function createAgentRunStore(options: AgentRunStoreOptions): AgentRunStore {
  const { client, storage } = options
  const store = createStore<AgentRunState>()(() => createInitialRunState(options.projectId ?? null))
  const { getState, setState } = store
  let inFlight: AbortController | null = null

  const storageKey = () => options.storageKey ?? `kvidai-agent-run:${getState().projectId ?? ''}`
  /** Writes to `storage`, if any, after the current event; a failing storage never breaks a run. */
  function save(write: (target: RunStorage) => unknown) {
    if (storage)
      Promise.resolve()
        .then(() => write(storage))
        .catch(() => {})
  }
  const persist = () =>
    save((target) => target.setItem(storageKey(), JSON.stringify(toRunSnapshot(getState()))))

  async function launch(
    begin: (state: AgentRunState) => AgentRunState,
    send: (
      signal: AbortSignal,
      onEvent: (event: AgentEvent | UnknownAgentEvent) => void,
    ) => Promise<RunOutcome>,
  ): Promise<RunOutcome> {
    if (inFlight) {
      throw new AgentStoreError('RUN_IN_FLIGHT', 'A run is already in flight: stop it or wait.')
    }
    const controller = new AbortController()
    inFlight = controller
    const current = () => inFlight === controller
    const before = getState()
    setState((state) => ({
      ...begin(state),
      status: 'submitting',
      error: null,
      result: null,
      success: null,
      creditShortage: null,
    }))

    function onEvent(event: AgentEvent | UnknownAgentEvent) {
      if (!current()) return
      setState(reduceAgentEvent(getState(), event), true)
      options.onEvent?.(event)
      if (event.type === 'checkpoint') options.onCheckpoint?.(event.data.composition)
      if (event.type === 'plan_ready' || event.type === 'checkpoint') persist()
    }

    try {
      const outcome = await send(controller.signal, onEvent)
      if (!current()) return outcome
      if (outcome.reason === 'done') {
        options.onDone?.(outcome.result, outcome.success)
      } else {
        const status = { error: 'failed', interrupted: 'interrupted', aborted: 'stopped' } as const
        const error = outcome.reason === 'error' ? outcome.error : getState().error
        setState(
          { ...settleRunningScenes(getState()), status: status[outcome.reason], error },
          true,
        )
        if (outcome.reason === 'error') options.onError?.(outcome.error)
      }
      return outcome
    } catch (error) {
      if (current()) {
        if (error instanceof AgentStoreError) setState(before, true)
        else {
          const refused =
            error instanceof AgentRequestError || error instanceof AgentValidationError
          const failure = { status: refused ? 'rejected' : 'failed', error } as const
          setState({ ...settleRunningScenes(getState()), ...failure } as AgentRunState, true)
        }
        options.onError?.(error as AgentError)
      }
      throw error
    } finally {
      if (current()) {
        inFlight = null
        persist()
      }
    }
  }

  function jobIdOrThrow(jobId: string | null | undefined): string {
    if (!jobId) throw new AgentStoreError('NO_JOB', 'There is no job to resume or retry.')
    return jobId
  }

  function checkResume() {
    const { projectId } = getState()
    return projectId === null ? Promise.resolve(null) : client.checkResume({ projectId })
  }

  return {
    getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
    start(input) {
      const projectId = input.projectId ?? getState().projectId
      const locale = input.locale ?? options.locale
      return launch(
        (state) => ({
          ...createInitialRunState(projectId),
          composition: state.composition,
        }),
        (signal, onEvent) =>
          client.run({ ...input, locale, projectId: projectId as number }, { signal, onEvent }),
      )
    },
    resume(jobId) {
      return launch(
        (state) => state,
        async (signal, onEvent) => {
          const state = getState()
          const id =
            jobId ?? state.result?.resumeJobId ?? state.jobId ?? (await checkResume())?.jobId
          return client.resume(
            { jobId: jobIdOrThrow(id), locale: options.locale },
            { signal, onEvent },
          )
        },
      )
    },
    retryScene(sceneId) {
      return launch(
        (state) => state,
        (signal, onEvent) =>
          client.retryScene(
            { jobId: jobIdOrThrow(getState().jobId), sceneId, locale: options.locale },
            { signal, onEvent },
          ),
      )
    },
    checkResume,
    stop() {
      inFlight?.abort()
    },
    reset() {
      const running = inFlight
      inFlight = null
      running?.abort()
      const key = storageKey()
      setState(createInitialRunState(options.projectId ?? null), true)
      save((target) => target.removeItem(key))
    },
    toSnapshot: () => toRunSnapshot(getState()),
    fromSnapshot(snapshot) {
      if (inFlight) {
        throw new AgentStoreError('RUN_IN_FLIGHT', 'Cannot restore while a run is in flight.')
      }
      setState(fromRunSnapshot(snapshot), true)
    },
    async restore() {
      if (!storage) return false
      const saved = await storage.getItem(storageKey())
      let snapshot: unknown
      try {
        snapshot = saved ? JSON.parse(saved) : null
      } catch {}
      if (!isRunSnapshot(snapshot) || inFlight) return false
      setState(fromRunSnapshot(snapshot), true)
      return true
    },
  }
}
