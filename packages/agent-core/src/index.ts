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
  reviveAgentError,
} from './errors/agent-errors'
export { devWarning } from './errors/dev-warning'
export type { CallbackErrorHandler } from './errors/report-callback-error'
export { reportCallbackError } from './errors/report-callback-error'
export type {
  RunObserver,
  RunObserverOptions,
  RunObserverResult,
} from './observer/create-run-observer'
export { createRunObserver } from './observer/create-run-observer'
export type { ResumeCheckSource } from './observer/resume-check-source'
export { storeResumeCheck } from './observer/resume-check-source'
export type { AgentRunCommands, RunCommands } from './observer/run-commands'
export { runCommands } from './observer/run-commands'
export type { TimeLeft } from './pace/estimate-time-left'
export type { ScenePace } from './pace/track-scene-pace'
export { createScenePace, scenePaceOf, selectTimeLeft } from './pace/track-scene-pace'
export type { BackgroundFinishKind } from './page/background-finish-texts'
export type {
  BackgroundFinish,
  BackgroundFinishDocument,
  BackgroundFinishOptions,
  BackgroundFinishTargets,
} from './page/watch-background-finish'
export { watchBackgroundFinish } from './page/watch-background-finish'
export type { PageReturnTargets } from './page/watch-page-return'
export { watchPageReturn } from './page/watch-page-return'
export type { RunPersister, RunPersisterOptions } from './persist/create-run-persister'
export { createRunPersister } from './persist/create-run-persister'
export * from './protocol/index'
export type {
  AgentRunRegistry,
  AgentRunRegistryOptions,
} from './registry/create-agent-run-registry'
export { createAgentRunRegistry } from './registry/create-agent-run-registry'
export { reduceAgentEvent, settleRunningScenes } from './state/reduce-agent-event'
export { rebuildRunState, reduceRunAction } from './state/reduce-run-action'
export type {
  CommandRefusedAction,
  LifecycleActionType,
  RequestEndedAction,
  RequestEnding,
  RequestSentAction,
  ResetAction,
  RestoredAction,
  RunAction,
  RunLogEntry,
  StallChangedAction,
  StreamAction,
  WarningAction,
} from './state/run-action'
export { isAgentEvent, LIFECYCLE_ACTION_TYPES } from './state/run-action'
export type {
  AgentRunState,
  RunPlan,
  RunRequest,
  RunStatus,
  SceneState,
  SceneStatus,
  ToolCallState,
} from './state/run-state'
export { createInitialRunState, isRunning, RUN_STATUSES, SCENE_STATUSES } from './state/run-state'
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
  AgentRunStartInput,
  AgentRunStore,
  AgentRunStoreOptions,
} from './store/create-agent-run-store'
export { createAgentRunStore } from './store/create-agent-run-store'
export type { AgentRunFinish, RunActionListener, RunCallbacks } from './store/run-callbacks'
export type { AgentRunSnapshot } from './store/run-snapshot'
export { fromRunSnapshot, isRunSnapshot, toRunSnapshot } from './store/run-snapshot'
export type { RunStorage } from './store/run-storage'
export type { ListableStorage } from './store/storage-keys'
export { clearAgentStorage, storageKeyFor } from './store/storage-keys'
export type { TabLink, TabLinkOptions } from './tabs/link-tabs'
export { linkTabs } from './tabs/link-tabs'
export type { TabChannel, TabLocks, TabPlatform } from './tabs/tab-platform'
export { browserTabPlatform, tabChannelName } from './tabs/tab-platform'
export type { RunOutcome, RunOutcomeReason } from './transport/run-outcome'
export type {
  AgentEventStream,
  Fetch,
  StreamRequest,
  StreamTiming,
} from './transport/stream-agent-events'
export { DEFAULT_STALL_AFTER_MS, streamAgentEvents } from './transport/stream-agent-events'
