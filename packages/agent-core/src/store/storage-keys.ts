import type { RunStorage } from './run-storage'

/** The prefix of every key the SDK stores a snapshot under. */
export const STORAGE_PREFIX = 'kvidai-agent-run:'

/** How long a saved snapshot is worth restoring by default: 7 days. */
export const DEFAULT_STORAGE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Where a project's snapshot is stored: `kvidai-agent-run:<user>:<project>`, so accounts
 * that share a browser never see each other's runs (`kvidai-agent-run:<project>` when no
 * user is given).
 */
export function storageKeyFor(projectId: number | null, userId?: string): string {
  const user = userId === undefined ? '' : `${encodeURIComponent(userId)}:`
  return `${STORAGE_PREFIX}${user}${projectId ?? ''}`
}

/** A storage whose keys can be listed, such as `localStorage` and `sessionStorage`. */
export interface ListableStorage extends RunStorage {
  readonly length: number
  key(index: number): string | null
}

/**
 * Removes the SDK's saved snapshots from a storage, e.g. on sign-out: every one, or only a
 * user's. Returns how many were removed. Default storage: `localStorage`, when there is one.
 */
export function clearAgentStorage(
  options: { storage?: ListableStorage; userId?: string } = {},
): number {
  const storage = options.storage ?? (globalThis as { localStorage?: ListableStorage }).localStorage
  if (!storage) return 0
  // A key without a project is the prefix of all of its user's keys.
  const prefix = storageKeyFor(null, options.userId)
  const keys: string[] = []
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  for (const key of keys) storage.removeItem(key)
  return keys.length
}
