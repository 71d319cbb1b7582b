import type { ResumableJob } from '@kvidai/agent-protocol'
import { createStore } from 'zustand/vanilla'
import {
  AgentError,
  AgentRequestError,
  AgentStoreError,
  type AgentStreamError,
  AgentValidationError,
} from '../errors/agent-errors'
import { reportCallbackError } from '../errors/report-callback-error'
import { createRunPersister } from '../persist/create-run-persister'
import { reduceRunAction } from '../state/reduce-run-action'
import type {
  RequestEndedAction,
  RequestSentAction,
  RunAction,
  RunLogEntry,
} from '../state/run-action'
import { type AgentRunState, createInitialRunState } from '../state/run-state'
import { SOURCE } from '../transport/call-listener'
import type { RunOutcome } from '../transport/run-outcome'
import type { AgentEventStream } from '../transport/stream-agent-events'
import type { AgentRunStartInput, AgentRunStore, AgentRunStoreOptions } from './agent-run-store'
import { callbacksListener, type RunActionListener } from './run-callbacks'
import { toRunSnapshot } from './run-snapshot'
import { storageKeyFor } from './storage-keys'

export type { AgentRunStartInput, AgentRunStore, AgentRunStoreOptions } from './agent-run-store'
export type { AgentRunFinish } from './run-callbacks'

/** A request about to be sent, and how to open its stream; throws when it cannot be sent. */
type Launch = () => Promise<
  Omit<RequestSentAction, 'type'> & { open(signal: AbortSignal): AgentEventStream }
>

const inFlightError = (message: string) => new AgentStoreError({ code: 'RUN_IN_FLIGHT', message })

/**
 * A store for one project's agent runs, on `zustand/vanilla`. One request at a time. Every
 * change, an Agent API event or a lifecycle step, is an action through `reduceRunAction`;
 * `dispatch` is the store's only writer, and nothing a failure says clears the composition.
 */
export function createAgentRunStore(initialOptions: AgentRunStoreOptions): AgentRunStore {
  let options = initialOptions
  const store = createStore<AgentRunState>()(() => createInitialRunState(options.projectId ?? null))
  const { getState } = store
  const actionListeners = new Set<RunActionListener>()
  let sequence = 0
  let inFlight: AbortController | null = null
  let lastStart: AgentRunStartInput | null = null

  function dispatch(action: RunAction) {
    const previous = getState()
    const next = reduceRunAction(previous, action)
    if (next !== previous) store.setState(next, true)
    const entry: RunLogEntry = { sequence: ++sequence, at: Date.now(), action }
    for (const listener of actionListeners) {
      try {
        listener(entry, next)
      } catch (error) {
        reportCallbackError(SOURCE, 'subscribeActions', error, options.onCallbackError)
      }
    }
  }
  function subscribeActions(listener: RunActionListener) {
    const own = (entry: RunLogEntry, state: AgentRunState) => listener(entry, state)
    actionListeners.add(own)
    return () => {
      actionListeners.delete(own)
    }
  }

  subscribeActions(
    callbacksListener(
      () => options,
      () => options.onCallbackError,
    ),
  )
  const persister = createRunPersister({
    storage: () => options.storage,
    key: () => options.storageKey ?? storageKeyFor(getState().projectId, options.userId),
    maxAgeMs: options.storageMaxAgeMs,
  })
  subscribeActions(persister.listener)

  async function launch(prepare: Launch): Promise<RunOutcome> {
    if (inFlight) throw inFlightError('A run is already in flight: stop it or wait.')
    const controller = new AbortController()
    inFlight = controller
    const current = () => inFlight === controller
    let ended: RequestEndedAction | undefined
    try {
      let prepared: Awaited<ReturnType<Launch>>
      try {
        prepared = await prepare()
      } catch (error) {
        // Nothing was sent: the state stays as it was, and nothing finished.
        if (current() && AgentStoreError.isInstance(error))
          dispatch({ type: 'command_refused', error })
        throw error
      }
      const { open, ...sent } = prepared
      dispatch({ type: 'request_sent', ...sent })
      try {
        for await (const action of open(controller.signal)) {
          if (!current()) break
          // The ending is told once the store is free again, so a callback can send the next request.
          if (action.type === 'request_ended') ended = action
          else dispatch(action)
        }
      } catch (error) {
        if (!current()) throw error
        const refused =
          AgentRequestError.isInstance(error) || AgentValidationError.isInstance(error)
        const failure = AgentError.isInstance(error)
          ? error
          : new AgentError({ code: 'UNKNOWN', message: String(error), cause: error })
        ended = {
          type: 'request_ended',
          outcome: refused
            ? { reason: 'rejected', error: failure }
            : { reason: 'error', error: failure as AgentStreamError },
        }
        throw error
      }
      return (ended?.outcome as RunOutcome | undefined) ?? { reason: 'aborted' }
    } finally {
      if (current()) {
        inFlight = null
        if (ended) dispatch(ended)
      }
    }
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
    return launch(async () => ({
      request: { kind: 'run' },
      projectId,
      open: (signal) =>
        options.client.run({ ...input, locale, projectId: projectId as number }, { signal }),
    }))
  }

  async function checkResume() {
    const { projectId } = getState()
    return projectId === null ? null : options.client.checkResume({ projectId })
  }

  return {
    getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
    dispatch,
    subscribeActions,
    start,
    async startAgain() {
      if (!lastStart) {
        throw new AgentStoreError({ code: 'NO_RUN', message: 'There is no run to start again.' })
      }
      return start(lastStart)
    },
    resume(jobId) {
      return launch(async () => {
        const state = getState()
        let known: ResumableJob | null = null
        let id = jobId ?? state.result?.resumeJobId ?? state.jobId
        if (!id) {
          known = await checkResume()
          id = known?.jobId ?? null
        }
        const resumed = jobIdOrThrow(id)
        return {
          request: { kind: 'resume', jobId: resumed },
          // What check-resume said of this job sizes its board before the stream speaks.
          plan:
            known?.jobId === resumed
              ? { totalScenes: known.totalScenes, estimatedMinutes: 0 }
              : undefined,
          open: (signal) =>
            options.client.resume({ jobId: resumed, locale: options.locale }, { signal }),
        }
      })
    },
    retryScene(sceneId) {
      return launch(async () => {
        const jobId = jobIdOrThrow(getState().jobId)
        return {
          request: { kind: 'retry-scene', jobId, sceneId },
          open: (signal) =>
            options.client.retryScene({ jobId, sceneId, locale: options.locale }, { signal }),
        }
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
      dispatch({ type: 'reset', projectId: options.projectId ?? null })
    },
    discardSnapshot: persister.discard,
    setOptions(changes) {
      options = { ...options, ...changes }
    },
    toSnapshot: () => toRunSnapshot(getState()),
    fromSnapshot(snapshot) {
      if (inFlight) throw inFlightError('Cannot restore while a run is in flight.')
      dispatch({ type: 'restored', snapshot })
    },
    async restore() {
      // Storage only fills a store nothing has written yet: any action (a run started here, a
      // run mirrored or caught up from another tab), before or during the read, is newer
      // than what was saved, and the snapshot must not replace it.
      if (sequence !== 0) return false
      const snapshot = await persister.restore()
      if (!snapshot || inFlight || sequence !== 0) return false
      dispatch({ type: 'restored', snapshot })
      return true
    },
  }
}
