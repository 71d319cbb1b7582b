import type { KeepAlive } from './profiles'

/** Named heartbeats as servers send them in the wild: plain text, no data at all, a timestamp. */
const VARIED_HEARTBEATS: ReadonlyArray<() => string> = [
  () => 'event: heartbeat\ndata: ping\n\n',
  () => 'event: heartbeat\n\n',
  () => `event: heartbeat\ndata: {"ts":${Date.now()}}\n\n`,
]

/**
 * What one stream writes each time it has been quiet for `heartbeatMs`; null when it
 * writes nothing. Each call gives the next keep-alive, so `varied-event` takes turns.
 */
export function createKeepAlive(mode: KeepAlive): (() => string) | null {
  switch (mode) {
    case 'none':
      return null
    case 'comment':
      return () => ': keep-alive\n\n'
    case 'json-event':
      return () => 'event: heartbeat\ndata: {}\n\n'
    case 'varied-event': {
      let turn = 0
      return () => {
        const next = VARIED_HEARTBEATS[turn % VARIED_HEARTBEATS.length] as () => string
        turn++
        return next()
      }
    }
  }
}
