import type { AgentError } from '../errors/agent-errors'
import type { Composition } from '../protocol/composition'
import type { DoneResult, InsufficientCreditData, TemplateWarningData } from '../protocol/events'

export type RunStatus =
  | 'idle'
  | 'submitting'
  | 'streaming'
  | 'done'
  | 'failed'
  | 'rejected'
  | 'interrupted'
  | 'stopped'

export type SceneStatus = 'pending' | 'running' | 'complete' | 'failed'

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
  /** Scenes by `sceneId`; a record without a prototype once scenes arrive (use `in` or `Object.hasOwn`). */
  scenes: Record<string, SceneState>
  /** Scene ids ordered by `sceneIndex`. */
  sceneOrder: string[]
  /** Tool calls by `toolUseId`. */
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
    plan: null,
    scenes: {},
    sceneOrder: [],
    toolCalls: {},
    composition: null,
    templateWarnings: [],
    creditShortage: null,
    result: null,
    success: null,
    error: null,
  }
}
