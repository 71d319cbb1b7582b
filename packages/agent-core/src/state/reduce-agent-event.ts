import { AgentStreamError } from '../errors/agent-errors'
import type { AgentEvent, UnknownAgentEvent } from '../protocol/events'
import type { AgentRunState, SceneState, ToolCallState } from './run-state'

/** The scene order with one scene put where its index belongs: a search, not a sort. */
function placeInOrder(
  order: string[],
  scenes: AgentRunState['scenes'],
  scene: SceneState,
): string[] {
  const without = order.filter((id) => id !== scene.sceneId)
  let low = 0
  let high = without.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const other = scenes[without[middle] as string] as SceneState
    if (other.sceneIndex <= scene.sceneIndex) low = middle + 1
    else high = middle
  }
  return [...without.slice(0, low), scene.sceneId, ...without.slice(low)]
}

function withScene(
  state: AgentRunState,
  sceneId: string,
  change: Partial<SceneState>,
): AgentRunState {
  const existing = state.scenes[sceneId]
  const scene: SceneState = {
    // Every field from the start, so all scenes share one compact shape.
    ...(existing ?? {
      sceneId,
      sceneIndex: state.sceneOrder.length,
      status: 'pending',
      attempts: 0,
      error: undefined,
      voiceError: undefined,
    }),
    ...change,
  }
  // The copy is a dictionary without a prototype: V8 copies a large one of those several
  // times faster than a plain object, where every key is a step in a hidden-class chain.
  const scenes: AgentRunState['scenes'] = Object.create(null)
  for (const id in state.scenes) scenes[id] = state.scenes[id] as SceneState
  scenes[sceneId] = scene
  const sceneOrder =
    existing?.sceneIndex === scene.sceneIndex
      ? state.sceneOrder
      : placeInOrder(state.sceneOrder, scenes, scene)
  return { ...state, scenes, sceneOrder }
}

/**
 * Folds one event into the run state. Pure; an event replaces only what it changes, so
 * every scene, tool call and composition it does not touch keeps its identity. Resume and
 * retry streams of the same job fold into the same state.
 */
export function reduceAgentEvent(
  previous: AgentRunState,
  event: AgentEvent | UnknownAgentEvent,
): AgentRunState {
  if (event.type === 'unknown' || event.type === 'heartbeat') return previous
  const state: AgentRunState =
    previous.status === 'submitting' || previous.status === 'idle'
      ? { ...previous, status: 'streaming' }
      : previous
  switch (event.type) {
    case 'tool_start':
    case 'tool_end': {
      const { toolUseId, toolName } = event.data
      const status: ToolCallState['status'] =
        event.type === 'tool_start' ? 'running' : event.data.success ? 'success' : 'failed'
      const call = { toolUseId, toolName, status, error: (event.data as { error?: string }).error }
      return { ...state, toolCalls: { ...state.toolCalls, [toolUseId]: call } }
    }
    case 'plan_ready': {
      const { jobId, totalScenes, estimatedMinutes } = event.data
      const plan = { totalScenes, estimatedMinutes }
      // A resume announces the same job again: keep what its scenes already reached.
      if (jobId === state.jobId) return { ...state, plan }
      return { ...state, jobId, plan, scenes: {}, sceneOrder: [] }
    }
    case 'scene_start': {
      const { sceneId, sceneIndex } = event.data
      const attempts = (state.scenes[sceneId]?.attempts ?? 0) + 1
      return withScene(state, sceneId, {
        sceneIndex,
        status: 'running',
        attempts,
        error: undefined,
        voiceError: undefined,
      })
    }
    case 'scene_complete':
      return withScene(state, event.data.sceneId, {
        status: 'complete',
        error: undefined,
        voiceError: event.data.voiceError,
      })
    case 'scene_failed':
      return withScene(state, event.data.sceneId, { status: 'failed', error: event.data.error })
    case 'checkpoint':
      return { ...state, composition: event.data.composition }
    case 'insufficient_credit':
      return { ...state, creditShortage: event.data }
    case 'template_warning':
      return { ...state, templateWarnings: [...state.templateWarnings, event.data] }
    case 'done': {
      const { success, data } = event.data
      const finished = success && !data.remainingScenes ? completeEveryScene(state) : state
      return {
        ...finished,
        status: 'done',
        success,
        result: data,
        composition: data.composition,
        projectId: data.projectId ?? state.projectId,
        jobId: state.jobId ?? data.resumeJobId ?? null,
      }
    }
    case 'error':
      return { ...state, status: 'failed', error: new AgentStreamError(event.data.error) }
  }
}

/** After a stream ends early, scenes it left running are pending again, as on the server. */
export function settleRunningScenes(state: AgentRunState): AgentRunState {
  let scenes: AgentRunState['scenes'] | undefined
  for (const scene of Object.values(state.scenes)) {
    if (scene.status !== 'running') continue
    scenes ??= { ...state.scenes }
    scenes[scene.sceneId] = { ...scene, status: 'pending' }
  }
  return scenes ? { ...state, scenes } : state
}

/**
 * A `done` that leaves nothing to resume means every planned scene is complete, including
 * any the server finished while this client was not listening (the moments between a
 * dropped connection and the server noticing). Scenes never seen get an id of `#<index>`.
 */
function completeEveryScene(state: AgentRunState): AgentRunState {
  const total = state.plan?.totalScenes ?? 0
  if (total === 0) return state
  const seen = new Set<number>()
  let scenes: AgentRunState['scenes'] | undefined
  for (const scene of Object.values(state.scenes)) {
    seen.add(scene.sceneIndex)
    if (scene.status === 'complete') continue
    scenes ??= { ...state.scenes }
    scenes[scene.sceneId] = { ...scene, status: 'complete', error: undefined }
  }
  for (let sceneIndex = 0; sceneIndex < total; sceneIndex++) {
    if (seen.has(sceneIndex)) continue
    scenes ??= { ...state.scenes }
    const sceneId = `#${sceneIndex}`
    scenes[sceneId] = { sceneId, sceneIndex, status: 'complete', attempts: 0 }
  }
  if (!scenes) return state
  const sceneOrder = Object.values(scenes)
    .sort((first, second) => first.sceneIndex - second.sceneIndex)
    .map((scene) => scene.sceneId)
  return { ...state, scenes, sceneOrder }
}
