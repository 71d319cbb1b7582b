import type { AgentEvent, Locale, UnknownAgentEvent } from '@kvidai/agent-protocol'
import {
  type AgentClient,
  type AgentClientOptions,
  createAgentClient,
} from '../client/create-agent-client'
import { devWarning } from '../errors/dev-warning'
import { type CallbackErrorHandler, reportCallbackError } from '../errors/report-callback-error'
import { type ResumeCheckSource, storeResumeCheck } from '../observer/resume-check-source'
import { restoreRun, scheduleResumeChecks } from '../observer/schedule-resume-checks'
import { replayPace, scenePaceOf } from '../pace/track-scene-pace'
import {
  type BackgroundFinishOptions,
  browserFinishTargets,
  watchBackgroundFinish,
} from '../page/watch-background-finish'
import { browserPageTargets, watchPageReturn } from '../page/watch-page-return'
import { browserStorage } from '../store/browser-storage'
import { type AgentRunStore, createAgentRunStore } from '../store/create-agent-run-store'
import { type AgentRunFinish, callbacksListener } from '../store/run-callbacks'
import type { RunStorage } from '../store/run-storage'
import { linkTabs, type TabLink } from '../tabs/link-tabs'
import {
  browserTabPlatform,
  type TabPlatform,
  tabChannelName,
  userLockPrefix,
} from '../tabs/tab-platform'
import { SOURCE } from '../transport/call-listener'

export interface AgentRunRegistryOptions
  extends AgentClientOptions,
    Omit<BackgroundFinishOptions, 'locale'> {
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
  /**
   * Where a project's check-resume answers come from; by default the server, asked each
   * time. The React provider answers from its query cache.
   */
  resumeCheck?: (projectId: number, store: AgentRunStore) => ResumeCheckSource
  /**
   * One run per project across the browser's tabs (Web Locks and `BroadcastChannel`): the
   * tab that sends owns the run, the others mirror it live and never send a paid request of
   * their own. Default true where the browser has both; false turns it off; a `TabPlatform`
   * replaces the browser's (tests).
   */
  crossTab?: boolean | TabPlatform
  /** Every project's events, for telemetry. */
  onEvent?: (event: AgentEvent | UnknownAgentEvent, context: { projectId: number }) => void
  /** Every project's request endings, for telemetry. */
  onFinish?: (finish: AgentRunFinish & { projectId: number }) => void
  /** A listener threw; the run goes on. */
  onCallbackError?: CallbackErrorHandler
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

/** What a released registry's page watcher asks with: nothing. */
const QUIET_CHECK: ResumeCheckSource = {
  fetch: async () => null,
  cached: () => undefined,
  stale() {},
}

/**
 * The run stores of one app (one provider): a store per project, made on first use, with
 * the client, storage and telemetry they share; holds (a run stops when nothing shows it
 * any more, unless told otherwise); and each project's restore, done once.
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
  /** The stores as the app sees them (linked to other tabs where that is on). */
  const stores = new Map<number, AgentRunStore>()
  /** The same stores unlinked: a stop here is this tab's alone. */
  const ownStores = new Map<number, AgentRunStore>()
  const links = new Map<number, TabLink>()
  const holders = new Map<number, number>()
  const restored = new Map<number, Promise<void>>()
  /** Bindings using the registry now (`connect`), and whether the last has let go. */
  let connections = 0
  let released = false
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

  function resumeCheckOf(projectId: number) {
    const target = store(projectId)
    return options.resumeCheck?.(projectId, target) ?? storeResumeCheck(target)
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
      onCallbackError: (error, callback) =>
        reportCallbackError(SOURCE, callback, error, options.onCallbackError),
    })
    const platform =
      options.crossTab === false
        ? null
        : typeof options.crossTab === 'object'
          ? options.crossTab
          : browserTabPlatform()
    const link =
      platform &&
      linkTabs(created, {
        platform,
        name: tabChannelName(options.userId, projectId),
        userPrefix: userLockPrefix(options.userId),
        resumeCheck: () => resumeCheckOf(projectId),
        // The time left of a run caught up on is the owner's pace, not the replay's.
        onCaughtUp: (initial, entries) =>
          replayPace(scenePaceOf(store(projectId)), initial, entries),
      })
    const shown = link?.store ?? created
    stores.set(projectId, shown)
    ownStores.set(projectId, created)
    if (link) {
      links.set(projectId, link)
      // Joined from the start, so a page that only reads the state (no hold) mirrors too.
      link.open()
    }
    created.subscribeActions(
      callbacksListener(
        () => ({
          onEvent: (event) => options.onEvent?.(event, { projectId }),
          onFinish: (finish) => options.onFinish?.({ ...finish, projectId }),
        }),
        () => options.onCallbackError,
      ),
    )
    scheduleResumeChecks(created, () => resumeCheckOf(projectId))
    // The page's own events reach every registry made on it: one whose binding has gone
    // (`connect`) asks nothing and badges nothing.
    watchPageReturn(
      created,
      () => (released ? QUIET_CHECK : resumeCheckOf(projectId)),
      browserPageTargets(),
    )
    watchBackgroundFinish(created, () => (released ? {} : options), browserFinishTargets())
    // From the first action on, so a time left read later has seen the whole run.
    scenePaceOf(shown)
    return shown
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
    /** The projects whose stores were made so far, in the order they were made; read-only (devtools list them). */
    projects: (): number[] => [...stores.keys()],
    /**
     * Marks a project's run as shown by something. When the last hold is released the
     * stream is stopped (unless `stopWhenReleased` is false): nobody is left to see it,
     * and a long video's job stays resumable.
     */
    hold(projectId: number) {
      const held = (holders.get(projectId) ?? 0) + 1
      holders.set(projectId, held)
      if (held === 1) {
        store(projectId)
        links.get(projectId)?.open()
      }
      return () => {
        const left = (holders.get(projectId) ?? 1) - 1
        holders.set(projectId, left)
        if (left > 0) return
        if (options.stopWhenReleased !== false) ownStores.get(projectId)?.stop()
        links.get(projectId)?.close()
      }
    },
    /** Stops every project's run that this tab sends (a run another tab owns goes on). */
    stopAll() {
      for (const each of ownStores.values()) each.stop()
    },
    /**
     * Marks the registry as in use by a mounted binding (the React provider), until the
     * returned function: then, once nothing uses it, its runs stop and its page watchers go
     * quiet (a registry that was never connected watches from the start). Connect again to
     * wake it.
     */
    connect() {
      connections++
      released = false
      return () => {
        connections--
        if (connections > 0) return
        released = true
        for (const each of ownStores.values()) each.stop()
      }
    },
    /** Whether the project's run is another tab's, mirrored here. */
    isMirroring: (projectId: number) => links.get(projectId)?.isMirroring() ?? false,
    /**
     * Brings back the project's saved snapshot, once, and checks it against the server
     * (`restoreRun`), through the project's `resumeCheck`.
     */
    restore(projectId: number): Promise<void> {
      let done = restored.get(projectId)
      if (!done) {
        done = restoreRun(store(projectId), resumeCheckOf(projectId)).catch(() => {})
        restored.set(projectId, done)
      }
      return done
    },
  }
}

export type AgentRunRegistry = ReturnType<typeof createAgentRunRegistry>
