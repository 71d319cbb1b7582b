import type { AgentRunState, AgentRunStore } from '@kvidai/agent-core'
import { useRef, useSyncExternalStore } from 'react'
import { shallow } from 'zustand/vanilla/shallow'
import { useProjectId } from './agent-context'

/** The run store of a project (the provider's project when none is given). */
export function useAgentStore(projectId?: number): AgentRunStore {
  const { context, projectId: resolved } = useProjectId('useAgentStore', projectId)
  return context.registry.store(resolved)
}

export interface SelectorOptions {
  projectId?: number
}

/**
 * Reads part of the run state and re-renders only when that part changes. The state is
 * structurally shared: an event replaces only what it changes, so selecting one scene
 * re-renders for that scene alone. A selector that builds a new object or array each
 * time is compared shallowly, and the previous value kept when nothing in it changed.
 */
export function useAgentSelector<Selected>(
  selector: (state: AgentRunState) => Selected,
  options: SelectorOptions = {},
): Selected {
  const store = useAgentStore(options.projectId)
  const last = useRef<{ value: Selected } | null>(null)
  const select = () => {
    const value = selector(store.getState())
    if (last.current && shallow(last.current.value, value)) return last.current.value
    last.current = { value }
    return value
  }
  return useSyncExternalStore(store.subscribe, select, select)
}
