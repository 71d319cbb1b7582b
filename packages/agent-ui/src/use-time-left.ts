import { selectTimeLeft, type TimeLeft } from '@kvidai/agent-core'
import { useAgentStore } from '@kvidai/agent-react'
import { useEffect, useState, useSyncExternalStore } from 'react'

/** How often the time left is read again while a run streams: it is shown to the minute. */
const TICK_MS = 15_000

/**
 * A project's time left (`selectTimeLeft`), read again at each change of the run and every
 * 15 s while it streams; null when there is nothing to say.
 */
export function useTimeLeft(projectId: number | undefined): TimeLeft | null {
  const store = useAgentStore(projectId)
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState)
  const [, setTick] = useState(0)
  const streaming = state.status === 'streaming'
  useEffect(() => {
    if (!streaming) return
    const timer = setInterval(() => setTick((tick) => tick + 1), TICK_MS)
    return () => clearInterval(timer)
  }, [streaming])
  return streaming ? selectTimeLeft(store) : null
}
