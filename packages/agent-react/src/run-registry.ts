import {
  type AgentClient,
  type AgentClientOptions,
  type AgentError,
  type AgentEvent,
  type AgentRunFinish,
  type AgentRunStore,
  type CallbackErrorHandler,
  type Composition,
  createAgentClient,
  createAgentRunStore,
  type DoneResult,
  isRunning,
  type Locale,
  type ResumableJob,
  type RunStorage,
  reportCallbackError,
  type UnknownAgentEvent,
} from '@kvidai/agent-core'

export interface RunListener {
  onEvent?: (event: AgentEvent | UnknownAgentEvent) => void
  onCheckpoint?: (composition: Composition) => void
  onDone?: (result: DoneResult, success: boolean) => void
  onError?: (error: AgentError) => void
  onFinish?: (finish: AgentRunFinish) => void
}

export interface RegistryConfig extends AgentClientOptions {
  locale?: Locale
  /** A callback of the app's threw; the run goes on. */
  onCallbackError?: CallbackErrorHandler
  /** Every project's events, for telemetry. */
  onEvent?: (event: AgentEvent | UnknownAgentEvent, context: { projectId: number }) => void
  /** Every project's request endings, for telemetry. */
  onFinish?: (finish: AgentRunFinish & { projectId: number }) => void
  /** Whether the last component showing a run stops it when it unmounts. Default true. */
  stopOnUnmount?: boolean
  /** Where snapshots live; null turns reload-restore off. Resolved lazily (after mount). */
  storage: () => RunStorage | null
  /** Namespaces the snapshots; fixed for a registry's life (a new user gets a new registry). */
  userId?: string
  storageMaxAgeMs?: number
}

let registries = 0

/** When a restored run that was streaming is asked about again, after the first check. */
const RECHECK_DELAYS_MS = [1000, 2000]

/**
 * The stores of one provider, one per project, created on first use. Holds the client
 * and the locale so changes reach requests made later, and fans each store's lifecycle
 * callbacks out to every hook that listens.
 */
export function createRunRegistry(initial: RegistryConfig) {
  const id = `kvidai-${++registries}`
  let config = initial
  let client = createAgentClient(config)
  const stores = new Map<number, AgentRunStore>()
  const listeners = new Map<number, Set<RunListener>>()
  const restored = new Map<number, Promise<void>>()
  const endListeners = new Set<(projectId: number) => void>()
  const holders = new Map<number, number>()

  // A stable client whose calls go to the client of the current configuration.
  const current: AgentClient = {
    run: (input, options) => client.run(input, options),
    resume: (input, options) => client.resume(input, options),
    retryScene: (input, options) => client.retryScene(input, options),
    checkResume: (input, options) => client.checkResume(input, options),
  }

  function emit<Name extends keyof RunListener>(
    projectId: number,
    name: Name,
    ...values: Parameters<NonNullable<RunListener[Name]>>
  ) {
    const telemetry: RunListener = {
      onEvent: (event) => config.onEvent?.(event, { projectId }),
      onFinish: (finish) => config.onFinish?.({ ...finish, projectId }),
    }
    for (const listener of [telemetry, ...(listeners.get(projectId) ?? [])]) {
      try {
        ;(listener[name] as ((...args: typeof values) => void) | undefined)?.(...values)
      } catch (error) {
        reportCallbackError('@kvidai/agent-react', name, error, config.onCallbackError)
      }
    }
  }

  function storeFor(projectId: number): AgentRunStore {
    let store = stores.get(projectId)
    if (store) return store
    let storage: RunStorage | null | undefined
    // Asked for on first use, which is after mount: never while rendering on the server.
    const resolveStorage = () => {
      if (storage === undefined) storage = config.storage()
      return storage
    }
    const lazyStorage: RunStorage = {
      getItem: (key) => resolveStorage()?.getItem(key) ?? null,
      setItem: (key, value) => resolveStorage()?.setItem(key, value),
      removeItem: (key) => resolveStorage()?.removeItem(key),
    }
    store = createAgentRunStore({
      client: current,
      projectId,
      storage: lazyStorage,
      userId: config.userId,
      storageMaxAgeMs: config.storageMaxAgeMs,
      // Read at request time, so a locale change applies to the next resume or retry.
      get locale() {
        return config.locale
      },
      onEvent: (event) => emit(projectId, 'onEvent', event),
      onCheckpoint: (composition) => emit(projectId, 'onCheckpoint', composition),
      onDone: (result, success) => emit(projectId, 'onDone', result, success),
      onError: (error) => emit(projectId, 'onError', error),
      onFinish: (finish) => emit(projectId, 'onFinish', finish),
      onCallbackError: (error, callback) =>
        reportCallbackError('@kvidai/agent-core', callback, error, config.onCallbackError),
    })
    let wasRunning = false
    store.subscribe((state) => {
      const running = isRunning(state)
      if (wasRunning && !running) for (const listener of endListeners) listener(projectId)
      wasRunning = running
    })
    stores.set(projectId, store)
    return store
  }

  return {
    id,
    get config() {
      return config
    },
    configure(next: RegistryConfig) {
      const clientChanged =
        next.baseUrl !== config.baseUrl ||
        next.apiKey !== config.apiKey ||
        next.email !== config.email ||
        next.fetch !== config.fetch ||
        next.idleTimeoutMs !== config.idleTimeoutMs ||
        next.stallAfterMs !== config.stallAfterMs ||
        next.maxEventBytes !== config.maxEventBytes ||
        JSON.stringify(next.headers) !== JSON.stringify(config.headers)
      config = next
      if (clientChanged) client = createAgentClient(next)
    },
    client: current,
    store: storeFor,
    listen(projectId: number, listener: RunListener) {
      const set = listeners.get(projectId) ?? new Set<RunListener>()
      listeners.set(projectId, set)
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
    /**
     * Marks a project's run as shown by a mounted component. When the last one goes, the
     * stream is stopped (unless `stopOnUnmount` is false): nobody is left to see it, and a
     * long video's job stays resumable.
     */
    hold(projectId: number) {
      holders.set(projectId, (holders.get(projectId) ?? 0) + 1)
      return () => {
        const left = (holders.get(projectId) ?? 1) - 1
        holders.set(projectId, left)
        if (left === 0 && config.stopOnUnmount !== false) stores.get(projectId)?.stop()
      }
    },
    /** Stops every project's run: the provider is going away. */
    stopAll() {
      for (const store of stores.values()) store.stop()
    },
    /** Calls back when a project's run stops streaming, however it ended. */
    onRunEnd(listener: (projectId: number) => void) {
      endListeners.add(listener)
      return () => {
        endListeners.delete(listener)
      }
    },
    /**
     * Brings back the project's saved snapshot once, and keeps it only if the server
     * still has that job to resume (or the snapshot holds a finished run). A run that was
     * streaming when the page went away is asked about again before it is let go: right
     * after a reload the server may not have noticed the old connection drop, and until
     * it does the job is not resumable yet.
     */
    restore(
      projectId: number,
      checkResume: (fresh: boolean) => Promise<ResumableJob | null>,
    ): Promise<void> {
      let done = restored.get(projectId)
      if (done) return done
      const store = storeFor(projectId)
      done = store
        .restore()
        .then(async (found) => {
          if (!found) return
          const state = store.getState()
          const unfinished =
            state.status !== 'done' ||
            (state.result?.remainingScenes ?? 0) > 0 ||
            state.success === false
          if (!unfinished || !state.jobId) return
          const superseded = () => {
            const latest = store.getState()
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
          store.reset()
        })
        .catch(() => {})
      restored.set(projectId, done)
      return done
    },
  }
}

export type RunRegistry = ReturnType<typeof createRunRegistry>
