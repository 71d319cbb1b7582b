import { isObject } from '@kvidai/agent-protocol'
import { readEventData } from '../protocol/parse-event'
import { settleRunningScenes } from '../state/reduce-agent-event'
import {
  type AgentRunState,
  createInitialRunState,
  isRunning,
  RUN_STATUSES,
  SCENE_STATUSES,
  type SceneState,
} from '../state/run-state'

/** What survives a reload: the job, its project, its scenes and the latest composition. JSON-safe. */
export type AgentRunSnapshot = {
  version: 1
  /** When it was saved (ms since 1970); older snapshots expire. */
  savedAt?: number
} & Omit<
  AgentRunState,
  'toolCalls' | 'templateWarnings' | 'error' | 'stalled' | 'warnings' | 'request'
>

export function toRunSnapshot(state: AgentRunState): AgentRunSnapshot {
  // Tool calls, warnings, errors and the request belong to one request and do not outlive it.
  const {
    toolCalls: _toolCalls,
    templateWarnings: _templateWarnings,
    error: _error,
    stalled: _stalled,
    warnings: _warnings,
    request: _request,
    ...saved
  } = state
  return { version: 1, ...saved }
}

const isWhole = Number.isSafeInteger
const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** A scene as saved, its optional fields read again; the structure was checked by `isRunSnapshot`. */
function readScene(saved: SceneState): SceneState {
  return {
    sceneId: saved.sceneId,
    sceneIndex: saved.sceneIndex,
    status: saved.status,
    attempts: isWhole(saved.attempts) && saved.attempts >= 0 ? saved.attempts : 0,
    error: textOrUndefined(saved.error),
    voiceError: textOrUndefined(saved.voiceError),
  }
}

/**
 * A state to continue from. A run that was still streaming when saved comes back
 * interrupted. Storage is not trusted more than the wire: the plan, credit shortage, result
 * and composition are read again by the stream's own payload readers.
 */
export function fromRunSnapshot(snapshot: AgentRunSnapshot): AgentRunState {
  const { jobId, projectId, plan, creditShortage, result, composition, sceneOrder } = snapshot
  const scenes: AgentRunState['scenes'] = Object.create(null)
  for (const id of sceneOrder) scenes[id] = readScene(snapshot.scenes[id] as SceneState)
  const readPlan = plan && readEventData('plan_ready', { ...plan, jobId: '' })
  return settleRunningScenes({
    ...createInitialRunState(isWhole(projectId) ? projectId : null),
    status: isRunning(snapshot) ? 'interrupted' : snapshot.status,
    jobId,
    plan: readPlan && {
      totalScenes: readPlan.totalScenes,
      estimatedMinutes: readPlan.estimatedMinutes,
    },
    scenes,
    sceneOrder: [...sceneOrder],
    composition: composition && (readEventData('checkpoint', { composition })?.composition ?? null),
    creditShortage:
      (creditShortage && readEventData('insufficient_credit', creditShortage)) || null,
    result: result && (readEventData('done', { success: true, data: result })?.data ?? null),
    success: typeof snapshot.success === 'boolean' ? snapshot.success : null,
  })
}

/**
 * Whether a stored value is a snapshot this version can restore, checked through: a
 * snapshot from another version, or one edited by hand, is refused rather than restored
 * into a state the UI cannot show.
 */
export function isRunSnapshot(value: unknown): value is AgentRunSnapshot {
  if (!isObject(value) || value.version !== 1) return false
  const { scenes, sceneOrder, composition: saved, plan, result, jobId, creditShortage } = value
  return (
    RUN_STATUSES.includes(value.status as never) &&
    isObject(scenes) &&
    Array.isArray(sceneOrder) &&
    new Set(sceneOrder).size === sceneOrder.length &&
    sceneOrder.every((id) => {
      const scene = typeof id === 'string' && Object.hasOwn(scenes, id) && scenes[id]
      return (
        isObject(scene) &&
        scene.sceneId === id &&
        isWhole(scene.sceneIndex) &&
        SCENE_STATUSES.includes(scene.status as never)
      )
    }) &&
    (saved === null || (isObject(saved) && Array.isArray(saved.tracks))) &&
    (plan === null || (isObject(plan) && isWhole(plan.totalScenes))) &&
    (creditShortage === null || creditShortage === undefined || isObject(creditShortage)) &&
    (result === null || isObject(result)) &&
    (jobId === null || typeof jobId === 'string') &&
    (value.savedAt === undefined || typeof value.savedAt === 'number')
  )
}
