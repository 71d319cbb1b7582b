import type { AgentRunState } from '@kvidai/agent-core'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { useAgentStore } from './use-agent-store'

export interface SelectorOptions {
  projectId?: number
}

/**
 * Reads part of the run state and re-renders only when that part changes. The state is
 * structurally shared: an event replaces only what it changes, so selecting one scene
 * re-renders for that scene alone. A selector that builds a new object or array each
 * time is compared shallowly.
 */
export function useAgentSelector<Selected>(
  selector: (state: AgentRunState) => Selected,
  options: SelectorOptions = {},
): Selected {
  return useStore(useAgentStore(options.projectId), useShallow(selector))
}
