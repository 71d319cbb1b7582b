import type { Composition } from './composition'

export interface ToolStartData {
  toolUseId: string
  toolName: string
}

export interface ToolEndData {
  toolUseId: string
  toolName: string
  success: boolean
  error?: string
}

export interface PlanReadyData {
  /** Empty when the server left it out: the stream keeps the job it was sent for. */
  jobId: string
  totalScenes: number
  /** 0 when the server did not say. */
  estimatedMinutes: number
}

export interface SceneStartData {
  sceneId: string
  /** -1 when the server did not say (or said something out of bounds). */
  sceneIndex: number
}

export interface SceneCompleteData {
  sceneId: string
  voiceError?: string
}

export interface SceneFailedData {
  sceneId: string
  /** Empty when the server gave no reason. */
  error: string
}

export interface CheckpointData {
  composition: Composition
}

export interface InsufficientCreditData {
  completedScenes: number
  totalScenes: number
  remainingCredit: number
  estPerScene: number
}

export type TemplateWarningSeverity = 'info' | 'warning' | 'error' | (string & {})

export interface TemplateWarningData {
  severity: TemplateWarningSeverity
  field: string
  message: string
}

export interface ToolResult {
  toolUseId: string
  toolName: string
  success: boolean
  error?: string
  [field: string]: unknown
}

/** Token usage the newer platform API reports on `done`. */
export interface TokenUsage {
  inputTokens: number
  outputTokens: number
  creditCost: number
}

/** What a run cost, by tool, as the newer platform API reports it on `done`. */
export interface RunCost {
  runId: string
  total: number
  breakdown: Record<string, number>
  rowCount: number
  pendingCount: number
}

export interface DoneResult {
  message: string
  messageKey?: string
  messageParams?: Record<string, string | number>
  /** The final composition; null when the server sent none (the state keeps the last one). */
  composition: Composition | null
  toolResults: ToolResult[]
  /** Null when the server sent none or something that is not a project id. */
  projectId: number | null
  resumeJobId?: string
  remainingScenes?: number
  totalScenes?: number
  tokenUsage?: TokenUsage
  cost?: RunCost
  [field: string]: unknown
}

export interface DoneData {
  success: boolean
  data: DoneResult
}

export interface ErrorData {
  error: string
}

/** The newer platform API's named keep-alive; carries nothing worth reading. */
export type HeartbeatData = Record<string, unknown>

export interface AgentEventMap {
  tool_start: ToolStartData
  tool_end: ToolEndData
  plan_ready: PlanReadyData
  scene_start: SceneStartData
  scene_complete: SceneCompleteData
  scene_failed: SceneFailedData
  checkpoint: CheckpointData
  insufficient_credit: InsufficientCreditData
  template_warning: TemplateWarningData
  done: DoneData
  error: ErrorData
  heartbeat: HeartbeatData
}

export type AgentEventType = keyof AgentEventMap

/** Every event the agent streams, narrowed by `type`. */
export type AgentEvent = {
  [Type in AgentEventType]: { type: Type; data: AgentEventMap[Type] }
}[AgentEventType]

/** An event whose name this SDK does not know yet: passed on, otherwise ignored. */
export interface UnknownAgentEvent {
  type: 'unknown'
  name: string
  data: unknown
}

export const AGENT_EVENT_TYPES: readonly AgentEventType[] = [
  'tool_start',
  'tool_end',
  'plan_ready',
  'scene_start',
  'scene_complete',
  'scene_failed',
  'checkpoint',
  'insufficient_credit',
  'template_warning',
  'done',
  'error',
  'heartbeat',
]
