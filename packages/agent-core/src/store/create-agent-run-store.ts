import type {
  AgentEvent,
  AgentRunInput,
  Composition,
  DoneResult,
  Locale,
  ResumableJob,
  UnknownAgentEvent,
} from '@kvidai/agent-protocol'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AgentClient, StreamOptions } from '../client/create-agent-client'
import {
  type AgentError,
  AgentRequestError,
  AgentStoreError,
  AgentValidationError,
} from '../errors/agent-errors'
import type { CallbackErrorHandler } from '../errors/report-callback-error'
import { reduceAgentEvent, settleRunningScenes, withWarning } from '../state/reduce-agent-event'
import { type AgentRunState, createInitialRunState, type RunRequest } from '../state/run-state'
import { callListener } from '../transport/call-listener'
import type { RunOutcome } from '../transport/run-outcome'
import {
  type AgentRunSnapshot,
  fromRunSnapshot,
  isRunSnapshot,
  toRunSnapshot,
} from './run-snapshot'
import type { RunStorage } from './run-storage'
import { DEFAULT_STORAGE_MAX_AGE_MS, storageKeyFor } from './storage-keys'

export interface AgentRunStoreOptions {
  client: AgentClient
  /** The project runs belong to; `start` may pass its own. */
  projectId?: number
  /** Sent with every request unless `start` says otherwise. */
  locale?: Locale
  /** Keeps a snapshot across reloads; see `restore()`. */
  storage?: RunStorage
  /**
   * The signed-in user, so snapshots of accounts that share a browser never mix: the key
   * becomes `kvidai-agent-run:<userId>:<projectId>`. Any stable id; it is not sent anywhere.
   */
  userId?: string
  /** Default `kvidai-agent-run:<userId>:<projectId>`. */
  storageKey?: string
  /** A snapshot older than this is dropped instead of restored. Default 7 days. */
  storageMaxAgeMs?: number
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
  /** Every request's ending, whatever it was: one object, so new fields never break callers. */
  onFinish?: (finish: AgentRunFinish) => void
  /**
   * One of the callbacks above threw. The run goes on regardless; the error is also
   * logged with `console.error` in development builds.
   */
  onCallbackError?: CallbackErrorHandler
}

export type AgentRunStartInput = Omit<AgentRunInput, 'projectId'> & { projectId?: number }

/**
 * How a request ended: `done` (with the result; `success` false when scenes are left),
 * `failed` (the agent's error, or a broken stream), `rejected` (refused before it
 * streamed: an early reject or invalid input), `interrupted` (the connection ended or was
 * closed on silence; the job can be resumed) or `stopped` (by `stop()`).
 */
export type AgentRunFinish = { request: RunRequest | null } & (
  | { reason: 'done'; result: DoneResult; success: boolean }
  | { reason: 'failed' | 'rejected'; error: AgentError }
  | { reason: 'interrupted'; cause: 'ended' | 'idle' | 'network' }
  | { reason: 'stopped' }
)

export interface AgentRunStore
  extends Pick<StoreApi<AgentRunState>, 'getState' | 'getInitialState' | 'subscribe'> {
  /** Starts a new run. Rejects with `RUN_IN_FLIGHT` while another request streams. */
  start(input: AgentRunStartInput): Promise<RunOutcome>
  /**
   * Sends the last `start` again, exactly as it was (message, composition, attachments,
   * options): "Try again" after a refusal. Rejects with `NO_RUN` when there was none.
   */
  startAgain(): Promise<RunOutcome>
  /** Resumes the given job, else this store's job, else the project's job from check-resume. */
  resume(jobId?: string): Promise<RunOutcome>
  retryScene(sceneId: string): Promise<RunOutcome>
  checkResume(): Promise<ResumableJob | null>
  /** Aborts the request in flight; the state becomes `stopped`. */
  stop(): void
  /** Aborts, forgets everything and clears the saved snapshot. */
  reset(): void
  /**
   * Removes the saved snapshot and keeps the state, so a state that cannot be shown does
   * not come back on the next reload; the next change saves again.
   */
  discardSnapshot(): void
  toSnapshot(): AgentRunSnapshot
  fromSnapshot(snapshot: AgentRunSnapshot): void
  /** Loads the snapshot from `storage`; resolves whether there was one. */
  restore(): Promise<boolean>
  /**
   * Changes options from now on: a new client, locale or callbacks apply to the next
   * request and the next event. The project and storage key stay as they were.
   */
  setOptions(
    changes: Partial<Omit<AgentRunStoreOptions, 'projectId' | 'storageKey' | 'userId'>>,
  ): void
}

/**
 * A store for one project's agent runs, on `zustand/vanilla`. One request at a time; every
 * event goes through `reduceAgentEvent`; nothing a failure says clears the composition.
 */
export function createAgentRunStore(initialOptions: AgentRunStoreOptions): AgentRunStore {
  let options = initialOptions
  const store = createStore<AgentRunState>()(() => createInitialRunState(options.projectId ?? null))
  const { getState, setState } = store
  let inFlight: AbortController | null = null
  let lastStart: AgentRunStartInput | null = null

  const storageKey = () => options.storageKey ?? storageKeyFor(getState().projectId, options.userId)
  /** Writes to `storage`, if any, after the current event; a failing storage never breaks a run. */
  function save(write: (target: RunStorage) => unknown) {
    const { storage } = options
    if (storage)
      Promise.resolve()
        .then(() => write(storage))
        .catch(() => {})
  }
  /** Removes the snapshot under `key`, read before anything can change the project. */
  const forget = (key: string) => save((target) => target.removeItem(key))
  const persist = () =>
    save((target) =>
      target.setItem(
        storageKey(),
        JSON.stringify({ ...toRunSnapshot(getState()), savedAt: Date.now() }),
      ),
    )

  /** Calls an app callback; one that throws is reported and never ends the run. */
  function notify<Name extends 'onEvent' | 'onCheckpoint' | 'onDone' | 'onError' | 'onFinish'>(
    name: Name,
    ...values: Parameters<NonNullable<AgentRunStoreOptions[Name]>>
  ) {
    callListener(options, name, values, options.onCallbackError)
  }

  async function launch(
    send: (stream: StreamOptions & { signal: AbortSignal }) => Promise<RunOutcome>,
    begin: (state: AgentRunState) => AgentRunState = (state) => state,
  ): Promise<RunOutcome> {
    if (inFlight) {
      throw new AgentStoreError({
        code: 'RUN_IN_FLIGHT',
        message: 'A run is already in flight: stop it or wait.',
      })
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
      stalled: false,
      warnings: [],
    }))

    const stream: StreamOptions & { signal: AbortSignal } = {
      signal: controller.signal,
      onEvent(event) {
        if (!current()) return
        setState(reduceAgentEvent(getState(), event), true)
        notify('onEvent', event)
        if (event.type === 'checkpoint') notify('onCheckpoint', event.data.composition)
        if (event.type === 'plan_ready' || event.type === 'checkpoint') persist()
      },
      onWarning(warning) {
        if (current()) setState(withWarning(getState(), warning), true)
      },
      onStalledChange(stalled) {
        if (current() && getState().stalled !== stalled) setState({ stalled })
      },
      onCallbackError: options.onCallbackError,
    }

    let finish: AgentRunFinish | undefined
    try {
      const outcome = await send(stream)
      const { request } = getState()
      finish =
        outcome.reason === 'error'
          ? { reason: 'failed', request, error: outcome.error }
          : outcome.reason === 'aborted'
            ? { reason: 'stopped', request }
            : { ...outcome, request }
      return outcome
    } catch (error) {
      if (!current()) throw error
      if (error instanceof AgentStoreError) {
        // Nothing was sent: the state is as it was, and nothing finished.
        setState(before, true)
        notify('onError', error)
      } else {
        const refused = error instanceof AgentRequestError || error instanceof AgentValidationError
        const { request } = getState()
        finish = { reason: refused ? 'rejected' : 'failed', request, error: error as AgentError }
      }
      throw error
    } finally {
      if (current()) {
        inFlight = null
        if (finish) end(finish)
        persist()
      }
    }
  }

  /** Records how a request ended, and tells the callbacks once. */
  function end(finish: AgentRunFinish) {
    if (finish.reason === 'done') notify('onDone', finish.result, finish.success)
    else {
      const error = 'error' in finish ? finish.error : getState().error
      // Every other ending is also the status it leaves: failed, rejected, interrupted, stopped.
      setState(
        { ...settleRunningScenes(getState()), status: finish.reason, error, stalled: false },
        true,
      )
      if ('error' in finish) notify('onError', finish.error)
    }
    notify('onFinish', finish)
  }

  /**
   * Ties the state to the job a resume or retry was sent for, before its stream says
   * anything: another job's scenes never stay on the board, and a following retry goes to
   * this job even if the stream never names it.
   */
  function follow(request: Extract<RunRequest, { jobId: string }>, known?: ResumableJob | null) {
    setState((state) => {
      if (state.jobId === request.jobId) return { ...state, request }
      const plan =
        known?.jobId === request.jobId
          ? { totalScenes: known.totalScenes, estimatedMinutes: 0 }
          : null
      return {
        ...createInitialRunState(state.projectId),
        status: state.status,
        composition: state.composition,
        jobId: request.jobId,
        request,
        plan,
      }
    })
  }

  function jobIdOrThrow(jobId: string | null | undefined): string {
    if (!jobId) {
      throw new AgentStoreError({
        code: 'NO_JOB',
        message: 'There is no job to resume or retry: start a run, or check-resume first.',
      })
    }
    return jobId
  }

  function start(input: AgentRunStartInput) {
    lastStart = input
    const projectId = input.projectId ?? getState().projectId
    const locale = input.locale ?? options.locale
    return launch(
      (stream) => options.client.run({ ...input, locale, projectId: projectId as number }, stream),
      (state) => ({
        ...createInitialRunState(projectId),
        request: { kind: 'run' },
        composition: state.composition,
      }),
    )
  }

  async function checkResume() {
    const { projectId } = getState()
    return projectId === null ? null : options.client.checkResume({ projectId })
  }

  return {
    getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
    start,
    async startAgain() {
      if (!lastStart) {
        throw new AgentStoreError({ code: 'NO_RUN', message: 'There is no run to start again.' })
      }
      return start(lastStart)
    },
    resume(jobId) {
      return launch(async (stream) => {
        const state = getState()
        let known: ResumableJob | null = null
        let id = jobId ?? state.result?.resumeJobId ?? state.jobId
        if (!id) {
          known = await checkResume()
          id = known?.jobId ?? null
        }
        const request = { kind: 'resume', jobId: jobIdOrThrow(id) } as const
        follow(request, known)
        return options.client.resume({ jobId: request.jobId, locale: options.locale }, stream)
      })
    },
    retryScene(sceneId) {
      return launch((stream) => {
        const request = {
          kind: 'retry-scene',
          jobId: jobIdOrThrow(getState().jobId),
          sceneId,
        } as const
        follow(request)
        return options.client.retryScene(
          { jobId: request.jobId, sceneId, locale: options.locale },
          stream,
        )
      })
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
      forget(key)
    },
    discardSnapshot() {
      forget(storageKey())
    },
    setOptions(changes) {
      options = { ...options, ...changes }
    },
    toSnapshot: () => toRunSnapshot(getState()),
    fromSnapshot(snapshot) {
      if (inFlight) {
        throw new AgentStoreError({
          code: 'RUN_IN_FLIGHT',
          message: 'Cannot restore while a run is in flight.',
        })
      }
      setState(fromRunSnapshot(snapshot), true)
    },
    async restore() {
      const { storage } = options
      if (!storage) return false
      const key = storageKey()
      const saved = await storage.getItem(key)
      let snapshot: unknown
      try {
        // Nothing saved parses as null, and a broken text leaves it undefined: neither restores.
        snapshot = JSON.parse(saved as string)
      } catch {}
      if (!isRunSnapshot(snapshot) || inFlight) return false
      const maxAge = options.storageMaxAgeMs ?? DEFAULT_STORAGE_MAX_AGE_MS
      if (Date.now() - (snapshot.savedAt ?? Date.now()) > maxAge) {
        forget(key)
        return false
      }
      setState(fromRunSnapshot(snapshot), true)
      return true
    },
  }
}
