import type { AgentRunState, AgentRunStore } from '@kvidai/agent-core'
import { useSyncExternalStore } from 'react'

/** A store's whole state, re-rendering on each change. */
export function useStoreState(store: AgentRunStore): AgentRunState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState)
}
