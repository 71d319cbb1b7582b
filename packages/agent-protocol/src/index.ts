export type {
  Asset,
  AssetType,
  Composition,
  CompositionInput,
  Item,
  ItemType,
  Track,
  TrackType,
} from './composition'
export {
  createEmptyComposition,
  DEFAULT_FPS,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  normalizeComposition,
} from './composition'
export type { AgentRejectBody, AgentRejectCode } from './errors'
export { AGENT_REJECT_CODES } from './errors'
export type {
  AgentEvent,
  AgentEventMap,
  AgentEventType,
  CheckpointData,
  DoneData,
  DoneResult,
  ErrorData,
  HeartbeatData,
  InsufficientCreditData,
  PlanReadyData,
  RunCost,
  SceneCompleteData,
  SceneFailedData,
  SceneStartData,
  TemplateWarningData,
  TemplateWarningSeverity,
  TokenUsage,
  ToolEndData,
  ToolResult,
  ToolStartData,
  UnknownAgentEvent,
} from './events'
export { AGENT_EVENT_TYPES } from './events'
export { isObject } from './is-object'
export { AGENT_LIMITS, STREAM_LIMITS } from './limits'
export type {
  AgentRunBody,
  AgentRunInput,
  AttachedFile,
  AttachmentType,
  ChatHistoryEntry,
  CheckResumeResponse,
  Credentials,
  Locale,
  ResumableJob,
  ResumeBody,
  ResumeInput,
  RetrySceneBody,
  RetrySceneInput,
  SelectedItemContext,
} from './requests'
export { AGENT_ROUTES, LOCALES } from './requests'
export type { AgentProtocolWarning, AgentWarningListener } from './warnings'
