/** The part of the Web Locks API the tabs use (`navigator.locks`). */
export interface TabLocks {
  request<Result>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<Result> | Result,
  ): Promise<Result>
  /** The locks held now, by name. */
  query?(): Promise<{ held?: Array<{ name?: string }> }>
}

/** A channel to the other tabs of the page's origin (a `BroadcastChannel`), carrying text. */
export interface TabChannel {
  postMessage(message: string): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close(): void
}

/** What tabs need of the browser: locks and channels. Injected in tests. */
export interface TabPlatform {
  locks: TabLocks
  openChannel(name: string): TabChannel
}

/**
 * The browser's Web Locks and `BroadcastChannel`, or null where either is missing (Node,
 * old browsers, some embedded webviews): then every tab runs on its own, as before.
 */
export function browserTabPlatform(): TabPlatform | null {
  const scope = globalThis as {
    navigator?: { locks?: TabLocks }
    BroadcastChannel?: new (name: string) => TabChannel
  }
  const locks = scope.navigator?.locks
  const Channel = scope.BroadcastChannel
  if (!locks || typeof locks.request !== 'function' || typeof Channel !== 'function') return null
  return { locks, openChannel: (name) => new Channel(name) }
}

/** The lock and channel name of a user's project: one writer per (user, project). */
export const tabChannelName = (userId: string | undefined, projectId: number) =>
  `${userLockPrefix(userId)}${projectId}`

/** What the lock names of all of a user's projects begin with. */
export const userLockPrefix = (userId: string | undefined) => `kvidai-agent-run:${userId ?? ''}:`
