import {
  type AgentRunState,
  type AgentRunStore,
  type RunLogEntry,
  reduceRunAction,
} from '@kvidai/agent-core'

/** How many actions the devtools keep per run; older ones are folded into `initial`. */
export const ACTION_LOG_LIMIT = 2000

export interface ActionLogView {
  /** The state before `entries[0]`: the store's state when the log began, moved on past every dropped action. */
  initial: AgentRunState
  entries: readonly RunLogEntry[]
  /** How many of the oldest actions were let go to stay within the limit. */
  dropped: number
}

export interface ActionLog {
  /** The same object until the next action arrives (for `useSyncExternalStore`). */
  getView(): ActionLogView
  subscribe(listener: () => void): () => void
  /** Stops hearing the store. */
  close(): void
}

/**
 * Hears a store's actions from now on and keeps the latest `limit` of them, with the state
 * before the first one kept: the store's state when the log began (a run may be halfway),
 * and, once the log is full, that state moved on by each action let go. So the state right
 * after entry k is always `rebuildRunState(entries.slice(0, k + 1), initial)`.
 */
export function createActionLog(store: AgentRunStore, limit = ACTION_LOG_LIMIT): ActionLog {
  let view: ActionLogView = { initial: store.getState(), entries: [], dropped: 0 }
  const listeners = new Set<() => void>()
  const stop = store.subscribeActions((entry) => {
    let { initial, entries, dropped } = view
    entries = [...entries, entry]
    while (entries.length > limit) {
      initial = reduceRunAction(initial, (entries[0] as RunLogEntry).action)
      entries = entries.slice(1)
      dropped++
    }
    view = { initial, entries, dropped }
    for (const listener of listeners) listener()
  })
  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      stop()
      listeners.clear()
    },
  }
}
