import type { TabLocks } from './tab-platform'

interface LockRequest {
  tab: symbol
  callback: (lock: unknown) => unknown
  resolve(value: unknown): void
  reject(reason: unknown): void
}

/**
 * Web Locks in memory, shared by the "tabs" of one test: exclusive locks granted in order,
 * `ifAvailable`, `signal`, and a tab that closes losing its locks and its queued requests,
 * as a closed browser tab does. For tests in Node, which has no `navigator.locks`.
 */
export function createMemoryTabLocks() {
  const holders = new Map<string, LockRequest>()
  const queues = new Map<string, LockRequest[]>()

  function pump(name: string) {
    const queue = queues.get(name) ?? []
    if (holders.has(name) || queue.length === 0) return
    const next = queue.shift() as LockRequest
    holders.set(name, next)
    Promise.resolve()
      .then(() => next.callback({ name, mode: 'exclusive' }))
      .then(next.resolve, next.reject)
      .finally(() => {
        if (holders.get(name) === next) holders.delete(name)
        pump(name)
      })
  }

  return {
    /** One tab's `navigator.locks`, and a way to close the tab. */
    forTab(): TabLocks & { closeTab(): void } {
      const tab = Symbol('tab')
      return {
        request(name, options, callback) {
          if (options.ifAvailable && (holders.has(name) || (queues.get(name)?.length ?? 0) > 0)) {
            return Promise.resolve().then(() => callback(null))
          }
          return new Promise((resolve, reject) => {
            const request: LockRequest = {
              tab,
              callback,
              resolve: resolve as (value: unknown) => void,
              reject,
            }
            const queue = queues.get(name) ?? []
            queues.set(name, queue)
            queue.push(request)
            options.signal?.addEventListener('abort', () => {
              const at = queue.indexOf(request)
              if (at === -1) return
              queue.splice(at, 1)
              reject(new DOMException('aborted', 'AbortError'))
            })
            pump(name)
          })
        },
        async query() {
          return { held: [...holders.keys()].map((name) => ({ name })) }
        },
        closeTab() {
          for (const [name, queue] of queues) {
            queues.set(
              name,
              queue.filter((request) => request.tab !== tab),
            )
          }
          for (const [name, holder] of holders) {
            if (holder.tab !== tab) continue
            holders.delete(name)
            pump(name)
          }
        },
      }
    },
  }
}
