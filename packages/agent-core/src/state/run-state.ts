import type {
  AgentProtocolWarning,
  Composition,
  DoneResult,
  InsufficientCreditData,
  TemplateWarningData,
} from '@kvidai/agent-protocol'
import type { AgentError } from '../errors/agent-errors'

/** Every status a run can have, in the order a request goes through them. */
export const RUN_STATUSES = [
  'idle',
  'submitting',
  'streaming',
  'done',
  'failed',
  'rejected',
  'interrupted',
  'stopped',
] as const

export type RunStatus = (typeof RUN_STATUSES)[number]

/** Every status a scene can have. */
export const SCENE_STATUSES = ['pending', 'running', 'complete', 'failed'] as const

export type SceneStatus = (typeof SCENE_STATUSES)[number]

export interface SceneState {
  sceneId: string
  sceneIndex: number
  status: SceneStatus
  /** How many times this client saw the scene start. */
  attempts: number
  error?: string
  voiceError?: string
}

export interface ToolCallState {
  toolUseId: string
  toolName: string
  status: 'running' | 'success' | 'failed'
  error?: string
}

/**
 * The request a run state follows. A resume or retry belongs to the job it was sent for,
 * whatever its stream says or leaves out.
 */
export type RunRequest =
  | { kind: 'run' }
  | { kind: 'resume'; jobId: string }
  | { kind: 'retry-scene'; jobId: string; sceneId: string }

export interface RunPlan {
  totalScenes: number
  estimatedMinutes: number
}

/** Everything one job's streams have said so far, folded into one value. */
export interface AgentRunState {
  status: RunStatus
  jobId: string | null
  projectId: number | null
  plan: RunPlan | null
  /** The latest request: a new run, a resume or a retry. Null before the first. */
  request: RunRequest | null
  /** Scenes by `sceneId`, in a record without a prototype: no id can mean anything else. */
  scenes: Record<string, SceneState>
  /** Scene ids ordered by `sceneIndex`. */
  sceneOrder: string[]
  /** Tool calls by `toolUseId` (the latest `STREAM_LIMITS.toolCallsMax`), without a prototype. */
  toolCalls: Record<string, ToolCallState>
  /** The latest composition from a `checkpoint` or `done`; a failure never clears it. */
  composition: Composition | null
  templateWarnings: TemplateWarningData[]
  creditShortage: InsufficientCreditData | null
  /** The `done` event's data, and its `success` flag. */
  result: DoneResult | null
  success: boolean | null
  /** The last thing that went wrong: a reject, a stream error, a broken payload. */
  error: AgentError | null
  /** No byte has come for a while (`stallAfterMs`); the stream is still open. */
  stalled: boolean
  /** Protocol oddities the current request's stream survived (the latest `STREAM_LIMITS.warningsMax`). */
  warnings: AgentProtocolWarning[]
}

/** Whether a request of the run is in flight: sent, or streaming. */
export function isRunning(state: Pick<AgentRunState, 'status'>): boolean {
  return state.status === 'submitting' || state.status === 'streaming'
}

export function createInitialRunState(projectId: number | null = null): AgentRunState {
  return {
    status: 'idle',
    jobId: null,
    projectId,
    request: null,
    plan: null,
    scenes: Object.create(null),
    sceneOrder: [],
    toolCalls: Object.create(null),
    composition: null,
    templateWarnings: [],
    creditShortage: null,
    result: null,
    success: null,
    error: null,
    stalled: false,
    warnings: [],
  }
}
