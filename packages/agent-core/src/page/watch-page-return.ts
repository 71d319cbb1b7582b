import type { ResumeCheckSource } from '../observer/resume-check-source'
import type { AgentRunState } from '../state/run-state'
import type { AgentRunStore } from '../store/create-agent-run-store'

/** What of a page tells that it came back: the window's `online`, the document's visibility. */
export interface PageReturnTargets {
  /** Fires `online` (a `window`). */
  window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null
  /** Fires `visibilitychange` and says `visibilityState` (a `document`). */
  document?:
    | (Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
        visibilityState: string
      })
    | null
}

/** The page's own `window` and `document`, where there are some (none on a server or in Node). */
export function browserPageTargets(): PageReturnTargets {
  const scope = globalThis as { window?: PageReturnTargets['window'] } & {
    document?: PageReturnTargets['document']
  }
  return { window: scope.window ?? null, document: scope.document ?? null }
}

/** A run cut short, whose job check-resume may now offer. */
const cutShort = (state: AgentRunState) =>
  state.status === 'interrupted' || (state.status === 'stopped' && state.jobId !== null)

/**
 * Asks check-resume once when the page comes back: at `online` after the connection dropped,
 * and when a hidden page becomes visible, if the project's run was cut short (interrupted, or
 * stopped with a job) or is stalled. Only ever a fresh GET through the `ResumeCheckSource`
 * (which a binding dedupes with its cache); nothing is sent again. Returns the way to stop.
 */
export function watchPageReturn(
  store: AgentRunStore,
  source: () => ResumeCheckSource,
  targets: PageReturnTargets,
) {
  const ask = () => {
    const state = store.getState()
    if (!cutShort(state) && !state.stalled) return
    source()
      .fetch(true)
      .catch(() => {})
  }
  const onVisibility = () => {
    if (targets.document?.visibilityState === 'visible') ask()
  }
  targets.window?.addEventListener('online', ask)
  targets.document?.addEventListener('visibilitychange', onVisibility)
  return () => {
    targets.window?.removeEventListener('online', ask)
    targets.document?.removeEventListener('visibilitychange', onVisibility)
  }
}
