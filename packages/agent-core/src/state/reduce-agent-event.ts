import type { AgentEvent, AgentProtocolWarning, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { streamErrorOf } from '../errors/agent-errors'
import type { AgentRunState, SceneState, ToolCallState } from './run-state'
import { sceneIdAt } from './select-progress'

/** A copy without a prototype: server ids such as `constructor` or `__proto__` stay plain keys. */
export function copyRecord<Value>(record: Record<string, Value>): Record<string, Value> {
  const copy: Record<string, Value> = Object.create(null)
  for (const key in record) copy[key] = record[key] as Value
  return copy
}

/** The state with one more warning, keeping the latest `STREAM_LIMITS.warningsMax`. */
export function withWarning(state: AgentRunState, warning: AgentProtocolWarning): AgentRunState {
  return { ...state, warnings: [...state.warnings, warning].slice(-STREAM_LIMITS.warningsMax) }
}

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
  event: string,
  sceneId: string,
  change: Partial<SceneState>,
): AgentRunState {
  const existing = Object.hasOwn(state.scenes, sceneId) ? state.scenes[sceneId] : undefined
  if (!existing && state.sceneOrder.length >= STREAM_LIMITS.scenesMax) {
    const message = `a scene beyond the ${STREAM_LIMITS.scenesMax} the client holds; ignored it`
    return withWarning(state, { event, field: 'sceneId', message })
  }
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
  // An index the server did not give keeps the scene where it was, or puts it last.
  if (scene.sceneIndex < 0) scene.sceneIndex = existing?.sceneIndex ?? state.sceneOrder.length
  // The copy is a dictionary without a prototype: V8 copies a large one of those several
  // times faster than a plain object, where every key is a step in a hidden-class chain.
  const scenes = copyRecord(state.scenes)
  scenes[sceneId] = scene
  const sceneOrder =
    existing?.sceneIndex === scene.sceneIndex
      ? state.sceneOrder
      : placeInOrder(state.sceneOrder, scenes, scene)
  return { ...state, scenes, sceneOrder }
}

function withToolCall(state: AgentRunState, call: ToolCallState): AgentRunState {
  const toolCalls = copyRecord(state.toolCalls)
  if (!Object.hasOwn(toolCalls, call.toolUseId)) {
    // The oldest calls go first once the bound is reached: ids[0] to ids[length - max].
    const ids = Object.keys(toolCalls)
    for (let oldest = ids.length - STREAM_LIMITS.toolCallsMax; oldest >= 0; oldest--) {
      delete toolCalls[ids[oldest] as string]
    }
  }
  toolCalls[call.toolUseId] = call
  return { ...state, toolCalls }
}

/**
 * Folds one event into the run state. Pure; an event replaces only what it changes, so
 * every scene, tool call and composition it does not touch keeps its identity. Resume and
 * retry streams fold into the job they were sent for (`state.request`), whether or not
 * they announce it with `plan_ready`.
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
      const { toolName } = event.data
      // A call the server gave no id is known by its tool's name.
      const toolUseId = event.data.toolUseId || toolName
      const status: ToolCallState['status'] =
        event.type === 'tool_start' ? 'running' : event.data.success ? 'success' : 'failed'
      const error = event.type === 'tool_end' ? event.data.error : undefined
      return withToolCall(state, { toolUseId, toolName, status, error })
    }
    case 'plan_ready': {
      const { jobId, totalScenes, estimatedMinutes } = event.data
      const plan = { totalScenes, estimatedMinutes }
      // A resume announces the same job again: keep what its scenes already reached.
      if (jobId === '' || jobId === state.jobId) return { ...state, plan }
      if (state.request && state.request.kind !== 'run') {
        const message = `names job ${jobId}, but this stream is for job ${state.request.jobId}; kept that job`
        return withWarning({ ...state, plan }, { event: 'plan_ready', field: 'jobId', message })
      }
      return { ...state, jobId, plan, scenes: Object.create(null), sceneOrder: [] }
    }
    case 'scene_start': {
      const { sceneId, sceneIndex } = event.data
      const existing = Object.hasOwn(state.scenes, sceneId) ? state.scenes[sceneId] : undefined
      return withScene(state, event.type, sceneId, {
        sceneIndex,
        status: 'running',
        attempts: (existing?.attempts ?? 0) + 1,
        error: undefined,
        voiceError: undefined,
      })
    }
    case 'scene_complete':
      return withScene(state, event.type, event.data.sceneId, {
        status: 'complete',
        error: undefined,
        voiceError: event.data.voiceError,
      })
    case 'scene_failed':
      return withScene(state, event.type, event.data.sceneId, {
        status: 'failed',
        error: event.data.error,
      })
    case 'checkpoint':
      return { ...state, composition: event.data.composition }
    case 'insufficient_credit':
      return { ...state, creditShortage: event.data }
    case 'template_warning':
      return {
        ...state,
        templateWarnings: [...state.templateWarnings, event.data].slice(
          -STREAM_LIMITS.templateWarningsMax,
        ),
      }
    case 'done': {
      const { success, data } = event.data
      const finished = success && !data.remainingScenes ? completeEveryScene(state) : state
      return {
        ...finished,
        status: 'done',
        stalled: false,
        success,
        result: data,
        // A done without a composition leaves the last checkpoint in place.
        composition: data.composition ?? state.composition,
        projectId: data.projectId ?? state.projectId,
        jobId: state.jobId ?? data.resumeJobId ?? null,
      }
    }
    case 'error':
      return { ...state, status: 'failed', stalled: false, error: streamErrorOf(event) }
  }
}

/** The scenes `picks` chooses, changed by `change`; copied once, and only if one is chosen. */
function changeScenes(
  state: AgentRunState,
  picks: (scene: SceneState) => boolean,
  change: Partial<SceneState>,
): AgentRunState['scenes'] | undefined {
  let scenes: AgentRunState['scenes'] | undefined
  for (const scene of Object.values(state.scenes)) {
    if (!picks(scene)) continue
    scenes ??= copyRecord(state.scenes)
    scenes[scene.sceneId] = { ...scene, ...change }
  }
  return scenes
}

/** After a stream ends early, scenes it left running are pending again, as on the server. */
export function settleRunningScenes(state: AgentRunState): AgentRunState {
  const scenes = changeScenes(state, (scene) => scene.status === 'running', { status: 'pending' })
  return scenes ? { ...state, scenes } : state
}

/**
 * A `done` that leaves nothing to resume means every planned scene is complete, including
 * any the server finished while this client was not listening (the moments between a
 * dropped connection and the server noticing). Scenes never seen get an id of `#<index>`.
 */
function completeEveryScene(state: AgentRunState): AgentRunState {
  const total = Math.min(state.plan?.totalScenes ?? 0, STREAM_LIMITS.scenesMax)
  if (total === 0) return state
  let scenes = changeScenes(state, (scene) => scene.status !== 'complete', {
    status: 'complete',
    error: undefined,
  })
  for (let sceneIndex = 0; sceneIndex < total; sceneIndex++) {
    if (sceneIdAt(state, sceneIndex) !== undefined) continue
    scenes ??= copyRecord(state.scenes)
    const sceneId = `#${sceneIndex}`
    scenes[sceneId] = { sceneId, sceneIndex, status: 'complete', attempts: 0 }
  }
  if (!scenes) return state
  const sceneOrder = Object.values(scenes)
    .sort((first, second) => first.sceneIndex - second.sceneIndex)
    .map((scene) => scene.sceneId)
  return { ...state, scenes, sceneOrder }
}
