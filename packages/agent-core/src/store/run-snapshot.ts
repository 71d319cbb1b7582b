import { type CompositionInput, normalizeComposition } from '@kvidai/agent-protocol'
import { readDoneResult } from '../protocol/parse-event'
import { isObject } from '../protocol/payload-reader'
import { copyRecord, settleRunningScenes } from '../state/reduce-agent-event'
import {
  type AgentRunState,
  createInitialRunState,
  isRunning,
  type RunStatus,
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

/**
 * A state to continue from. A run that was still streaming when saved comes back
 * interrupted. Storage is not trusted more than the wire: the result and composition are
 * read again the way the stream reader reads them.
 */
export function fromRunSnapshot(snapshot: AgentRunSnapshot): AgentRunState {
  const { version: _version, savedAt: _savedAt, ...saved } = snapshot
  const live = isRunning(saved)
  return settleRunningScenes({
    ...createInitialRunState(),
    ...saved,
    scenes: copyRecord(saved.scenes),
    composition: saved.composition && normalizeComposition(saved.composition as CompositionInput),
    result: saved.result && readDoneResult(saved.result),
    status: live ? 'interrupted' : saved.status,
  })
}

const STATUSES = [
  'idle',
  'submitting',
  'streaming',
  'done',
  'failed',
  'rejected',
  'interrupted',
  'stopped',
]
const SCENE_STATUSES = ['pending', 'running', 'complete', 'failed']

const isWhole = Number.isSafeInteger

/**
 * Whether a stored value is a snapshot this version can restore, checked through: a
 * snapshot from another version, or one edited by hand, is refused rather than restored
 * into a state the UI cannot show.
 */
export function isRunSnapshot(value: unknown): value is AgentRunSnapshot {
  if (!isObject(value) || value.version !== 1) return false
  const { scenes, sceneOrder, composition: saved, plan, result, jobId } = value
  return (
    STATUSES.includes(value.status as RunStatus) &&
    isObject(scenes) &&
    Array.isArray(sceneOrder) &&
    sceneOrder.every((id) => {
      const scene = Object.hasOwn(scenes, id) && scenes[id]
      return (
        isObject(scene) &&
        scene.sceneId === id &&
        isWhole(scene.sceneIndex) &&
        SCENE_STATUSES.includes(scene.status as string)
      )
    }) &&
    (saved === null || (isObject(saved) && Array.isArray(saved.tracks))) &&
    (plan === null || (isObject(plan) && isWhole(plan.totalScenes))) &&
    (result === null || isObject(result)) &&
    (jobId === null || typeof jobId === 'string') &&
    (value.savedAt === undefined || typeof value.savedAt === 'number')
  )
}
