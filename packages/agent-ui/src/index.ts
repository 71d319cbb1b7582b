'use client'

export type {
  AgentErrorBoundaryFallbackProps,
  AgentErrorBoundaryProps,
} from './agent-error-boundary'
export { AgentErrorBoundary } from './agent-error-boundary'
export type { AgentErrorNoticeProps } from './agent-error-notice'
export { AgentErrorNotice } from './agent-error-notice'
export type { AgentPromptProps } from './agent-prompt'
export { AgentPrompt } from './agent-prompt'
export type { CompositionTimelineProps } from './composition-timeline'
export { CompositionTimeline } from './composition-timeline'
export type { CreditShortageDialogProps } from './credit-shortage-dialog/credit-shortage-dialog'
export { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
export type { DialogActionsProps as CreditShortageDialogActionsProps } from './credit-shortage-dialog/dialog-actions'
export { DEFAULT_TOP_UP_URL } from './credit-shortage-dialog/dialog-actions'
export type {
  DialogDescriptionProps as CreditShortageDialogDescriptionProps,
  DialogFactsProps as CreditShortageDialogFactsProps,
  DialogTitleProps as CreditShortageDialogTitleProps,
} from './credit-shortage-dialog/dialog-facts'
export type { DialogRootProps as CreditShortageDialogRootProps } from './credit-shortage-dialog/dialog-root'
export { describeError, errorCode } from './describe-error'
export type { Catalog, MessageKey } from './i18n/en'
export type { Message, MessageParams } from './i18n/format-message'
export type { Catalogs, KvidMessagesProviderProps } from './i18n/messages-provider'
export { KvidMessagesProvider } from './i18n/messages-provider'
export { useTranslate } from './i18n/use-translate'
export type { ResumeButtonProps } from './resume-button'
export { ResumeButton } from './resume-button'
export type { RunStatusProps } from './run-status'
export { RunStatus } from './run-status'
export type { BoardListProps } from './scene-progress-board/board-list'
export type { BoardRootProps } from './scene-progress-board/board-root'
export type { BoardSceneProps } from './scene-progress-board/board-scene'
export type { BoardSummaryProps } from './scene-progress-board/board-summary'
export { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
export type { StopButtonProps } from './stop-button'
export { StopButton } from './stop-button'
export type { TemplateWarningsProps } from './template-warnings'
export { TemplateWarnings } from './template-warnings'
export type { ToolActivityProps } from './tool-activity'
export { ToolActivity } from './tool-activity'
