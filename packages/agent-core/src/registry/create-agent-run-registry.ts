import type {
  AgentEvent,
  Composition,
  DoneResult,
  Locale,
  ResumableJob,
  UnknownAgentEvent,
} from '@kvidai/agent-protocol'
import {
  type AgentClient,
  type AgentClientOptions,
  createAgentClient,
} from '../client/create-agent-client'
import type { AgentError } from '../errors/agent-errors'
import { devWarning } from '../errors/dev-warning'
import { type CallbackErrorHandler, reportCallbackError } from '../errors/report-callback-error'
import { isRunning } from '../state/run-state'
import { browserStorage } from '../store/browser-storage'
import {
  type AgentRunFinish,
  type AgentRunStore,
  createAgentRunStore,
} from '../store/create-agent-run-store'
import type { RunStorage } from '../store/run-storage'
import { callListener, SOURCE } from '../transport/call-listener'

/** What one project's listeners hear: the events and endings of its requests. */
export interface RunListener {
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
  onFinish?: (finish: AgentRunFinish) => void
}

export interface AgentRunRegistryOptions extends AgentClientOptions {
  /** Sent with resume and retry requests, and with runs that do not name one. */
  locale?: Locale
  /**
   * Where snapshots survive reloads: by default `localStorage` when the page has it and
   * allows it; a storage of your own, or a function that gives one; null keeps none. It
   * is looked up on first use, so a server render never touches it.
   */
  storage?: RunStorage | null | (() => RunStorage | null)
  /** Namespaces the snapshots by user; fixed for the registry's life. */
  userId?: string
  storageMaxAgeMs?: number
  /** Whether a project's run stops when its last hold is released. Default true. */
  stopWhenReleased?: boolean
  /** Every project's events, for telemetry. */
  onEvent?: (event: AgentEvent | UnknownAgentEvent, context: { projectId: number }) => void
  /** Every project's request endings, for telemetry. */
  onFinish?: (finish: AgentRunFinish & { projectId: number }) => void
  /** A listener threw; the run goes on. */
  onCallbackError?: CallbackErrorHandler
}

/**
 * When a run cut short — restored after a reload, stopped, or interrupted — is asked about
 * again, after the first check: the server may not have noticed the connection end yet.
 */
const RECHECK_DELAYS_MS = [1000, 2000]

/** A run stopped streaming (`again` false), or, when it was cut short, a later reminder. */
export interface RunEnd {
  /** The job it left, if any. */
  jobId: string | null
  /**
   * True for the reminders after a stop or interruption (at 1 s and 2 s, unless another
   * request has started): until the server notices the connection end, check-resume may
   * not list the job yet, so ask again if the answer lacked it.
   */
  again: boolean
}

const CLIENT_OPTIONS = [
  'baseUrl',
  'apiKey',
  'email',
  'fetch',
  'headers',
  'stallAfterMs',
  'idleTimeoutMs',
  'maxEventBytes',
] as const

let registries = 0

/**
 * The run stores of one app (one provider), a store per project made on first use, and the
 * policies around them: holds (a run stops when nothing shows it any more, unless told
 * otherwise), reload-restore with a re-check against the server, fan-out of each store's
 * callbacks to every listener of its project, and live option changes.
 */
export function createAgentRunRegistry(initialOptions: AgentRunRegistryOptions) {
  if (initialOptions.apiKey && 'document' in globalThis) {
    devWarning(
      SOURCE,
      'An apiKey was given in a browser, where anyone can read it: serve the Agent API through a server-side proxy and leave apiKey out.',
    )
  }
  const id = `kvidai-${++registries}`
  let options = initialOptions
  let client = createAgentClient(options)
  const stores = new Map<number, AgentRunStore>()
  const listeners = new Map<number, Set<RunListener | (() => RunListener)>>()
  const holders = new Map<number, number>()
  const restored = new Map<number, Promise<void>>()
  const endListeners = new Set<(projectId: number, end: RunEnd) => void>()
  let storage: RunStorage | null | undefined

  /** The storage, resolved once and only when a store first reads or writes it. */
  const lazyStorage: RunStorage = {
    getItem: (key) => resolveStorage()?.getItem(key) ?? null,
    setItem: (key, value) => resolveStorage()?.setItem(key, value),
    removeItem: (key) => resolveStorage()?.removeItem(key),
  }
  function resolveStorage() {
    if (storage === undefined) {
      const given = options.storage
      storage =
        typeof given === 'function' ? given() : given === undefined ? browserStorage() : given
      if (given === undefined && storage && options.userId === undefined) {
        devWarning(
          SOURCE,
          'Runs are saved in localStorage without a userId: accounts that share this browser would see each other’s runs. Pass userId, or storage: null.',
        )
      }
    }
    return storage
  }

  function emit<Name extends keyof RunListener>(
    projectId: number,
    name: Name,
    ...values: Parameters<NonNullable<RunListener[Name]>>
  ) {
    const telemetry: RunListener = {
      onEvent: (event) => options.onEvent?.(event, { projectId }),
      onFinish: (finish) => options.onFinish?.({ ...finish, projectId }),
    }
    for (const each of [telemetry, ...(listeners.get(projectId) ?? [])]) {
      callListener(
        typeof each === 'function' ? each() : each,
        name,
        values,
        options.onCallbackError,
      )
    }
  }

  function store(projectId: number): AgentRunStore {
    const found = stores.get(projectId)
    if (found) return found
    const created = createAgentRunStore({
      client,
      projectId,
      locale: options.locale,
      storage: lazyStorage,
      userId: options.userId,
      storageMaxAgeMs: options.storageMaxAgeMs,
      onEvent: (event) => emit(projectId, 'onEvent', event),
      onCheckpoint: (composition) => emit(projectId, 'onCheckpoint', composition),
      onDone: (result, success) => emit(projectId, 'onDone', result, success),
      onError: (error) => emit(projectId, 'onError', error),
      onFinish: (finish) => emit(projectId, 'onFinish', finish),
      onCallbackError: (error, callback) =>
        reportCallbackError(SOURCE, callback, error, options.onCallbackError),
    })
    let wasRunning = false
    created.subscribe((state) => {
      const running = isRunning(state)
      if (wasRunning && !running) {
        const { jobId, status, request } = state
        const tell = (again: boolean) => {
          for (const listener of endListeners) listener(projectId, { jobId, again })
        }
        tell(false)
        if (jobId && (status === 'stopped' || status === 'interrupted')) {
          // Only while no other request has started since: each sets its own `request`.
          for (const wait of RECHECK_DELAYS_MS) {
            setTimeout(() => created.getState().request === request && tell(true), wait)
          }
        }
      }
      wasRunning = running
    })
    stores.set(projectId, created)
    return created
  }

  return {
    /** Unique per registry, for cache keys. */
    id,
    /** Requests go to the client of the current options. */
    client: {
      run: (input, streamOptions) => client.run(input, streamOptions),
      resume: (input, streamOptions) => client.resume(input, streamOptions),
      retryScene: (input, streamOptions) => client.retryScene(input, streamOptions),
      checkResume: (input, checkOptions) => client.checkResume(input, checkOptions),
    } satisfies AgentClient as AgentClient,
    getOptions: () => options,
    /**
     * Changes options from now on: a new endpoint, key or timing makes a new client for the
     * next request; a new locale applies to the next request. `userId` and `storage` stay
     * as they were (a new user gets a new registry).
     */
    setOptions(changes: Partial<AgentRunRegistryOptions>) {
      const next = { ...options, ...changes, userId: options.userId, storage: options.storage }
      const clientChanged = CLIENT_OPTIONS.some((key) =>
        key === 'headers'
          ? JSON.stringify(next.headers) !== JSON.stringify(options.headers)
          : next[key] !== options[key],
      )
      options = next
      if (clientChanged) client = createAgentClient(next)
      for (const each of stores.values()) {
        each.setOptions({ locale: next.locale, ...(clientChanged && { client }) })
      }
    },
    store,
    /**
     * Listens to one project's events and endings; returns the way to stop. Given a
     * function, calls it for the listener at each event, so the latest callbacks answer.
     */
    listen(projectId: number, listener: RunListener | (() => RunListener)) {
      const set = listeners.get(projectId) ?? new Set()
      listeners.set(projectId, set)
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
    /**
     * Marks a project's run as shown by something. When the last hold is released the
     * stream is stopped (unless `stopWhenReleased` is false): nobody is left to see it,
     * and a long video's job stays resumable.
     */
    hold(projectId: number) {
      holders.set(projectId, (holders.get(projectId) ?? 0) + 1)
      return () => {
        const left = (holders.get(projectId) ?? 1) - 1
        holders.set(projectId, left)
        if (left === 0 && options.stopWhenReleased !== false) stores.get(projectId)?.stop()
      }
    },
    /** Stops every project's run. */
    stopAll() {
      for (const each of stores.values()) each.stop()
    },
    /**
     * Calls back when a project's run stops streaming, however it ended, and again twice
     * shortly after one that was stopped or interrupted (see `RunEnd`).
     */
    onRunEnd(listener: (projectId: number, end: RunEnd) => void) {
      endListeners.add(listener)
      return () => {
        endListeners.delete(listener)
      }
    },
    /**
     * Brings back the project's saved snapshot once, and keeps it only if the server still
     * has that job to resume (or the snapshot holds a finished run). A run that was
     * streaming when the page went away is asked about again before it is let go: right
     * after a reload the server may not have noticed the old connection drop, and until it
     * does the job is not resumable yet. `checkResume(fresh)` asks the server; by default
     * through the store, or through an app's shared cache.
     */
    restore(
      projectId: number,
      checkResume: (fresh: boolean) => Promise<ResumableJob | null> = () =>
        store(projectId).checkResume(),
    ): Promise<void> {
      let done = restored.get(projectId)
      if (done) return done
      const target = store(projectId)
      done = target
        .restore()
        .then(async (found) => {
          if (!found) return
          const state = target.getState()
          const unfinished =
            state.status !== 'done' ||
            (state.result?.remainingScenes ?? 0) > 0 ||
            state.success === false
          if (!unfinished || !state.jobId) return
          const superseded = () => {
            const latest = target.getState()
            return isRunning(latest) || latest.jobId !== state.jobId
          }
          const waits = state.status === 'interrupted' ? [0, ...RECHECK_DELAYS_MS] : [0]
          for (const wait of waits) {
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
            if (superseded()) return
            const job = await checkResume(wait > 0)
            if (superseded()) return
            if (job?.jobId === state.jobId) return
            if (job) break
          }
          target.reset()
        })
        .catch(() => {})
      restored.set(projectId, done)
      return done
    },
  }
}

export type AgentRunRegistry = ReturnType<typeof createAgentRunRegistry>
