import { AgentStoreError } from '../errors/agent-errors'
import type { ResumeCheckSource } from '../observer/resume-check-source'
import { wait } from '../observer/schedule-resume-checks'
import type { RunLogEntry } from '../state/run-action'
import { type AgentRunState, isRunning } from '../state/run-state'
import type { AgentRunStore } from '../store/create-agent-run-store'
import { type AgentRunSnapshot, toRunSnapshot } from '../store/run-snapshot'
import type { RunOutcome } from '../transport/run-outcome'
import { decodeTabMessage, encodeTabMessage, type TabMessage } from './tab-message'
import type { TabChannel, TabPlatform } from './tab-platform'

export interface TabLinkOptions {
  platform: TabPlatform
  /** The lock and channel name: one per user and project (`tabChannelName`). */
  name: string
  /**
   * What the lock names of the user's other projects begin with (`userLockPrefix`): the
   * Agent API runs one run per user, so while one of them is held a command is refused here
   * (`RUNNING_IN_ANOTHER_TAB`) instead of being sent to meet a `409 CONCURRENT_LIMIT`.
   */
  userPrefix?: string
  /** Where this tab's check-resume answers come from. */
  resumeCheck: () => ResumeCheckSource
  /** A new tab caught up: the state before the owner's request, and the owner's log since (with its times). */
  onCaughtUp?: (initial: AgentRunState, entries: RunLogEntry[]) => void
  /**
   * How long a mirror waits, once the owner's lock is free while its run still looks live,
   * for the run's last actions before it counts the owner as gone. Default 500 ms.
   */
  graceMs?: number
}

export interface TabLink {
  /**
   * The store as the app uses it. While another tab runs the project, start, resume and retry
   * send nothing and reject with `AgentStoreError` `RUNNING_IN_ANOTHER_TAB`, and `stop()` asks
   * the owner to stop. Everything else is the store's own.
   */
  store: AgentRunStore
  /** Joins the other tabs: opens the channel and asks whether a run is live. */
  open(): void
  /** Leaves them; an owner leaves once its request has ended. */
  close(): void
  /** Whether the run this store shows is another tab's. */
  isMirroring(): boolean
}

const GRACE_STEP_MS = 25
/** How long a command waits for the lock held by a tab whose run this one has not heard of. */
const LOCK_WAIT_MS = 1000

const isAbort = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  ((error as { name?: string }).name === 'AbortError' ||
    (error as { name?: string }).name === 'TimeoutError')

const refusal = (otherProject = false) =>
  new AgentStoreError({
    code: 'RUNNING_IN_ANOTHER_TAB',
    message: otherProject
      ? 'Another of your projects is running in another tab; one run at a time: wait for it or stop it there.'
      : 'This project’s run is going on in another tab: follow it here, or stop it.',
  })

/**
 * One writer per project across the tabs of a browser. The tab that sends a run, resume or
 * retry holds a Web Lock named for the user and project while its request streams, and
 * broadcasts each action of the run's log; the other tabs dispatch them into their own store
 * (so their state is the same reduction of the same log). A tab that opens late asks, and the
 * owner answers with the state before its request and the request's log so far. When the
 * owner goes away mid-run (its lock is released without the run's end), one mirror — the
 * first to get the lock — ends the run as interrupted, asks check-resume once and tells the
 * others the answer. Nothing paid is ever sent by a mirror.
 */
export function linkTabs(inner: AgentRunStore, options: TabLinkOptions): TabLink {
  const { platform, name } = options
  const graceMs = options.graceMs ?? 500
  const tabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  let channel: TabChannel | null = null
  let owning = false
  /** A command waits for the lock. */
  let waiting = false
  let closeWhenIdle = false
  /** The live run in the store is another tab's. */
  let remote = false
  let watch: AbortController | null = null
  /** What a late tab needs: the state before the owner's request, and its log so far. */
  let base: AgentRunSnapshot | null = null
  let since: RunLogEntry[] = []
  let previous = inner.getState()
  let caughtUp: { from: string; sequence: number } | null = null

  const post = (message: TabMessage) => channel?.postMessage(encodeTabMessage(message))

  inner.subscribeActions((entry, state) => {
    if (owning) {
      if (entry.action.type === 'request_sent') {
        base = toRunSnapshot(previous)
        since = []
      }
      since.push(entry)
      post({ kind: 'entry', from: tabId, entry })
    }
    previous = state
  })

  function follow() {
    remote = isRunning(inner.getState())
    if (remote) watchOwner()
  }

  function ownerGone() {
    remote = false
    inner.dispatch({ type: 'request_ended', outcome: { reason: 'interrupted', cause: 'network' } })
  }

  /** Waits for the owner's lock: granted means the owner's request is over, or its tab gone. */
  function watchOwner() {
    if (watch || !channel) return
    const controller = new AbortController()
    watch = controller
    platform.locks
      .request(name, { signal: controller.signal }, async () => {
        for (let waited = 0; remote && waited < graceMs; waited += GRACE_STEP_MS) {
          await wait(GRACE_STEP_MS)
        }
        if (!remote || controller.signal.aborted) return
        ownerGone()
        let job: Awaited<ReturnType<ResumeCheckSource['fetch']>> | undefined
        try {
          job = await options.resumeCheck().fetch(true)
        } catch {
          job = undefined
        }
        post({ kind: 'owner-gone', from: tabId, job })
      })
      .catch(() => {})
      .finally(() => {
        if (watch === controller) watch = null
        if (remote) watchOwner()
      })
  }

  function onMessage(event: { data: unknown }) {
    const message = decodeTabMessage(event.data)
    if (!message || message.from === tabId) return
    switch (message.kind) {
      case 'entry': {
        if (owning) return
        const { entry } = message
        if (caughtUp?.from === message.from && entry.sequence <= caughtUp.sequence) return
        // Marked before the store tells its listeners, so they read it as it is.
        remote = true
        inner.dispatch(entry.action)
        follow()
        return
      }
      case 'hello':
        if (owning) {
          post({ kind: 'catch-up', from: tabId, to: message.from, base, entries: since })
        }
        return
      case 'catch-up': {
        if (message.to !== tabId || owning) return
        remote = true
        inner.dispatch({ type: 'reset', projectId: inner.getState().projectId })
        if (message.base) inner.dispatch({ type: 'restored', snapshot: message.base })
        const initial = inner.getState()
        for (const entry of message.entries) inner.dispatch(entry.action)
        options.onCaughtUp?.(initial, message.entries)
        caughtUp = { from: message.from, sequence: message.entries.at(-1)?.sequence ?? 0 }
        follow()
        return
      }
      case 'stop':
        if (owning) inner.stop()
        return
      case 'owner-gone':
        if (!remote) return
        // The run's end marks the held answer stale; the elected tab's answer then replaces it.
        ownerGone()
        if (message.job !== undefined) options.resumeCheck().answer?.(message.job)
        return
    }
  }

  function refuse(otherProject = false): never {
    const error = refusal(otherProject)
    inner.dispatch({ type: 'command_refused', error })
    throw error
  }

  /** A command that sends: only with the project's lock, and broadcast while it streams. */
  function owned<Args extends unknown[]>(command: (...args: Args) => Promise<RunOutcome>) {
    return async (...args: Args): Promise<RunOutcome> => {
      // Not joined, or this tab already owns the run (the store answers RUN_IN_FLIGHT).
      if (!channel || owning) return command(...args)
      if (remote) refuse()
      if (waiting) {
        const error = new AgentStoreError({
          code: 'RUN_IN_FLIGHT',
          message: 'A run is already on its way: wait for it.',
        })
        inner.dispatch({ type: 'command_refused', error })
        throw error
      }
      let entered = false
      const send = async () => {
        entered = true
        waiting = false
        if (remote) refuse()
        if (await otherProjectRuns()) refuse(true)
        owning = true
        try {
          return await command(...args)
        } finally {
          owning = false
          if (closeWhenIdle) close()
        }
      }
      waiting = true
      try {
        // A free lock is taken at once, however busy the page is: no time limit can refuse it.
        const now = await platform.locks.request(name, { ifAvailable: true }, (lock) =>
          lock ? send().then((outcome) => ({ outcome })) : null,
        )
        if (now) return now.outcome
        // A mirror that is just looking whether the run ended holds the lock for a moment:
        // wait that out. A run of another tab keeps it far longer, and the command is refused.
        return await platform.locks.request(
          name,
          { signal: AbortSignal.timeout(LOCK_WAIT_MS) },
          send,
        )
      } catch (error) {
        if (!entered && isAbort(error)) refuse()
        throw error
      } finally {
        waiting = false
      }
    }
  }

  /** Whether a run of another of the user's projects streams in some tab now. */
  async function otherProjectRuns() {
    const prefix = options.userPrefix
    if (!prefix || !platform.locks.query) return false
    const { held = [] } = await platform.locks.query().catch(() => ({ held: [] }))
    return held.some((lock) => lock.name !== name && lock.name?.startsWith(prefix))
  }

  function open() {
    closeWhenIdle = false
    if (channel) return
    channel = platform.openChannel(name)
    channel.addEventListener('message', onMessage)
    post({ kind: 'hello', from: tabId })
  }

  function close() {
    if (owning) {
      closeWhenIdle = true
      return
    }
    closeWhenIdle = false
    watch?.abort()
    watch = null
    channel?.removeEventListener('message', onMessage)
    channel?.close()
    channel = null
    remote = false
    caughtUp = null
  }

  const store: AgentRunStore = {
    ...inner,
    start: owned(inner.start),
    startAgain: owned(inner.startAgain),
    resume: owned(inner.resume),
    retryScene: owned(inner.retryScene),
    stop() {
      if (remote) post({ kind: 'stop', from: tabId })
      else inner.stop()
    },
  }

  return { store, open, close, isMirroring: () => remote }
}
