import {
  type AgentRunState,
  type RunProgress,
  type RunSummary,
  type SceneState,
  sceneIdAt,
  selectProgress,
  selectRunSummary,
} from '@kvidai/agent-core'
import { type SelectorOptions, useAgentSelector } from './use-agent-selector'

/** The ids of the scenes that have started, in scene order. */
export function useSceneIds(options?: SelectorOptions): string[] {
  return useAgentSelector((state: AgentRunState) => state.sceneOrder, options)
}

/** One scene; re-renders only when that scene changes. */
export function useScene(sceneId: string, options?: SelectorOptions): SceneState | undefined {
  return useAgentSelector((state) => state.scenes[sceneId], options)
}

/** The scene at a plan position, or undefined while it has not started. */
export function useSceneAt(sceneIndex: number, options?: SelectorOptions): SceneState | undefined {
  return useAgentSelector((state) => {
    const id = sceneIdAt(state, sceneIndex)
    return id === undefined ? undefined : state.scenes[id]
  }, options)
}

/** Completed, failed, running and total scenes. */
export function useRunProgress(options?: SelectorOptions): RunProgress {
  return useAgentSelector(selectProgress, options)
}

/** The latest composition from a checkpoint or done; kept through failures and reloads. */
export function useComposition(options?: SelectorOptions) {
  return useAgentSelector((state) => state.composition, options)
}

/** The run's tool calls, in the order they started. */
export function useToolCalls(options?: SelectorOptions) {
  return useAgentSelector((state) => Object.values(state.toolCalls), options)
}

/**
 * Status, plan, result and error of the run; `stalled` while its stream is quiet past
 * `stallAfterMs`; `warnings` about protocol oddities it survived.
 */
export function useRunSummary(options?: SelectorOptions): RunSummary {
  return useAgentSelector(selectRunSummary, options)
}
