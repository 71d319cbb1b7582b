import type { AgentRunState, SceneState } from './run-state'

const indexMaps = new WeakMap<object, Map<number, string>>()

/** Scene id by scene index, computed once per change of the scene list. */
export function sceneIdAt(state: AgentRunState, sceneIndex: number): string | undefined {
  let map = indexMaps.get(state.scenes)
  if (!map) {
    map = new Map()
    for (const scene of Object.values(state.scenes)) map.set(scene.sceneIndex, scene.sceneId)
    indexMaps.set(state.scenes, map)
  }
  return map.get(sceneIndex)
}

export interface RunProgress {
  completed: number
  failed: number
  running: number
  /** Scenes planned, or seen when no plan arrived. */
  total: number
}

const progressByState = new WeakMap<AgentRunState, RunProgress>()

/** Counted once per state, however many components and listeners ask for it. */
export function selectProgress(state: AgentRunState): RunProgress {
  let progress = progressByState.get(state)
  if (!progress) {
    progress = countProgress(state)
    progressByState.set(state, progress)
  }
  return progress
}

function countProgress(state: AgentRunState): RunProgress {
  let completed = 0
  let failed = 0
  let running = 0
  for (const id of state.sceneOrder) {
    const scene = state.scenes[id] as SceneState
    if (scene.status === 'complete') completed++
    else if (scene.status === 'failed') failed++
    else if (scene.status === 'running') running++
  }
  return {
    completed,
    failed,
    running,
    total: Math.max(state.plan?.totalScenes ?? 0, state.sceneOrder.length),
  }
}
