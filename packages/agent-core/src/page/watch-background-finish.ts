import type { Locale } from '@kvidai/agent-protocol'
import type { AgentRunStore } from '../store/create-agent-run-store'
import { BACKGROUND_FINISH_TEXTS, type BackgroundFinishKind } from './background-finish-texts'

/** A run that ended while its page was hidden, as the app's notification callback hears it. */
export interface BackgroundFinish {
  projectId: number | null
  kind: BackgroundFinishKind
  /** The words for it in the registry's language, e.g. "✓ Video ready". */
  text: string
}

export interface BackgroundFinishOptions {
  /** Put the news before the page's title (`✓ Video ready — <title>`) until the page is seen. */
  titleBadge?: boolean
  /**
   * Show a system `Notification` when the app already has the permission. The SDK never asks
   * for it: ask with `Notification.requestPermission()` from a click of your own.
   */
  notify?: boolean
  /** Hears each run that ended while the page was hidden (for your own notification). */
  onBackgroundFinish?: (finish: BackgroundFinish) => void
  locale?: Locale
}

/** The document of a page: its title, and whether it is seen. */
export type BackgroundFinishDocument = Pick<
  EventTarget,
  'addEventListener' | 'removeEventListener'
> & {
  title: string
  visibilityState: string
}

export interface BackgroundFinishTargets {
  document?: BackgroundFinishDocument | null
  /** Where `Notification` is looked up (default: the global scope). */
  notification?: { permission: string; new (title: string, options?: { body?: string }): unknown }
}

/**
 * Tells of a run that ends while the page is hidden: with `titleBadge` a badge before the
 * title, taken off when the page is seen again (unless the app changed the title since); with
 * `notify` a `Notification` if permission was already granted; and `onBackgroundFinish`.
 * A run stopped on purpose is not news. Options are read at each ending. Returns the way to
 * stop listening.
 */
export function watchBackgroundFinish(
  store: AgentRunStore,
  options: () => BackgroundFinishOptions,
  targets: BackgroundFinishTargets,
) {
  const { document } = targets
  if (!document) return () => {}
  let badge: { original: string; shown: string } | null = null

  const restore = () => {
    if (document.visibilityState !== 'visible' || !badge) return
    if (document.title === badge.shown) document.title = badge.original
    badge = null
  }
  document.addEventListener('visibilitychange', restore)

  const unsubscribe = store.subscribeActions(({ action }, state) => {
    if (action.type !== 'request_ended' || document.visibilityState === 'visible') return
    const { reason } = action.outcome
    if (reason === 'aborted') return
    const kind: BackgroundFinishKind =
      reason === 'done' && state.success !== false
        ? state.plan
          ? 'video-ready'
          : 'edit-ready'
        : 'needs-attention'
    const current = options()
    const text = BACKGROUND_FINISH_TEXTS[current.locale ?? 'en'][kind]
    const original = badge?.original ?? document.title
    if (current.titleBadge) {
      const shown = original ? `${text} — ${original}` : text
      document.title = shown
      badge = { original, shown }
    }
    const Notify = targets.notification
    if (current.notify && Notify?.permission === 'granted') new Notify(text, { body: original })
    current.onBackgroundFinish?.({ projectId: state.projectId, kind, text })
  })
  return () => {
    unsubscribe()
    document.removeEventListener('visibilitychange', restore)
  }
}

/** The page's document and `Notification`, where there are some. */
export function browserFinishTargets(): BackgroundFinishTargets {
  const scope = globalThis as {
    document?: BackgroundFinishDocument
    Notification?: BackgroundFinishTargets['notification']
  }
  return {
    document: scope.document ?? null,
    // Looked up at each ending: an app may install or wrap it later.
    get notification() {
      return scope.Notification
    },
  }
}
