import type { RunLogEntry } from '../state/run-action'
import type { AgentRunState } from '../state/run-state'
import { type AgentRunSnapshot, isRunSnapshot, toRunSnapshot } from '../store/run-snapshot'
import type { RunStorage } from '../store/run-storage'
import { DEFAULT_STORAGE_MAX_AGE_MS } from '../store/storage-keys'

export interface RunPersisterOptions {
  storage: RunStorage
  /** Where the snapshot lives; asked each time, so it can follow the run's project. */
  key: () => string
  /** A snapshot older than this is removed instead of restored. Default 7 days. */
  maxAgeMs?: number
}

/** Saves one run's snapshot, brings it back, lets it expire, and removes it. */
export interface RunPersister {
  /** Saves the state's snapshot once the current action is done; a failing storage never breaks a run. */
  write(state: AgentRunState): void
  /** The saved snapshot, checked through; null when there is none, it is unreadable or expired (then removed). */
  restore(): Promise<AgentRunSnapshot | null>
  /** Removes the saved snapshot. */
  discard(): void
  /** The action listener that keeps the snapshot current: saves after news worth keeping, removes on reset. */
  listener(entry: RunLogEntry, state: AgentRunState): void
}

/** The actions after which the snapshot is saved again. */
const SAVED_AFTER = ['plan_ready', 'checkpoint', 'request_ended']

/** Persistence for a run, apart from the store: the store only dispatches. */
export function createRunPersister(options: RunPersisterOptions): RunPersister {
  const { storage } = options
  /** The key last written: a reset removes it even if the run's project changed since. */
  let written: string | undefined
  /** After the current action, so a storage that throws or is slow never touches the run. */
  function later(change: () => unknown) {
    Promise.resolve()
      .then(change)
      .catch(() => {})
  }
  function remove(key: string) {
    later(() => storage.removeItem(key))
  }
  function write(state: AgentRunState) {
    const key = options.key()
    written = key
    later(() =>
      storage.setItem(key, JSON.stringify({ ...toRunSnapshot(state), savedAt: Date.now() })),
    )
  }
  return {
    write,
    async restore() {
      const key = options.key()
      let snapshot: unknown
      try {
        // Nothing saved parses as null, and a broken text throws: neither restores.
        snapshot = JSON.parse((await storage.getItem(key)) as string)
      } catch {}
      if (!isRunSnapshot(snapshot)) return null
      const maxAge = options.maxAgeMs ?? DEFAULT_STORAGE_MAX_AGE_MS
      if (Date.now() - (snapshot.savedAt ?? Date.now()) > maxAge) {
        remove(key)
        return null
      }
      return snapshot
    },
    discard: () => remove(options.key()),
    listener({ action }, state) {
      const type = action.type === 'unknown' ? '' : action.type
      if (type === 'reset') {
        remove(written ?? options.key())
        written = undefined
      } else if (SAVED_AFTER.includes(type)) write(state)
    },
  }
}
