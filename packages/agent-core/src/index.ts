export type { AgentClient, AgentClientOptions, StreamOptions } from './client/create-agent-client'
export { createAgentClient } from './client/create-agent-client'
export type {
  AgentErrorOptions,
  AgentProtocolErrorCode,
  AgentRequestErrorCode,
  AgentStoreErrorCode,
} from './errors/agent-errors'
export {
  AgentError,
  AgentProtocolError,
  AgentRequestError,
  AgentStoreError,
  AgentStreamError,
  AgentValidationError,
} from './errors/agent-errors'
export { devWarning } from './errors/dev-warning'
export type { CallbackErrorHandler } from './errors/report-callback-error'
export { reportCallbackError } from './errors/report-callback-error'
export * from './protocol/index'
export type {
  AgentRunRegistry,
  AgentRunRegistryOptions,
  RunEnd,
  RunListener,
} from './registry/create-agent-run-registry'
export { createAgentRunRegistry } from './registry/create-agent-run-registry'
export { reduceAgentEvent, settleRunningScenes } from './state/reduce-agent-event'
export type {
  AgentRunState,
  RunPlan,
  RunRequest,
  RunStatus,
  SceneState,
  SceneStatus,
  ToolCallState,
} from './state/run-state'
export { createInitialRunState, isRunning } from './state/run-state'
export type {
  CreditShortageAction,
  CreditShortageFigures,
  CreditShortageView,
} from './state/select-credit-shortage'
export { selectCreditShortage } from './state/select-credit-shortage'
export type { RunProgress } from './state/select-progress'
export { sceneIdAt, selectProgress } from './state/select-progress'
export type { RunSummary } from './state/select-run-summary'
export { selectRunSummary } from './state/select-run-summary'
export type {
  AgentRunFinish,
  AgentRunStartInput,
  AgentRunStore,
  AgentRunStoreOptions,
} from './store/create-agent-run-store'
export { createAgentRunStore } from './store/create-agent-run-store'
export type { AgentRunSnapshot } from './store/run-snapshot'
export { fromRunSnapshot, isRunSnapshot, toRunSnapshot } from './store/run-snapshot'
export type { RunStorage } from './store/run-storage'
export type { ListableStorage } from './store/storage-keys'
export { clearAgentStorage, storageKeyFor } from './store/storage-keys'
export type { RunOutcome, RunOutcomeReason } from './transport/run-outcome'
export type {
  Fetch,
  StreamListeners,
  StreamRequest,
  StreamTiming,
} from './transport/stream-agent-events'
export { DEFAULT_STALL_AFTER_MS, streamAgentEvents } from './transport/stream-agent-events'
