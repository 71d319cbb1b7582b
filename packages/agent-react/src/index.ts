'use client'

export { useAgentLocale } from './agent-context'
export type { KvidAgentProviderProps } from './kvid-agent-provider'
export { KvidAgentProvider } from './kvid-agent-provider'
export type { RunProgress } from './run-selectors'
export { selectProgress } from './run-selectors'
export type { AgentRun, UseAgentRunOptions } from './use-agent-run'
export { useAgentRun } from './use-agent-run'
export type { SelectorOptions } from './use-agent-selector'
export { useAgentSelector } from './use-agent-selector'
export { useAgentStore } from './use-agent-store'
export type {
  CreditShortage,
  CreditShortageAction,
  CreditShortageFigures,
  UseCreditShortageOptions,
} from './use-credit-shortage'
export { useCreditShortage } from './use-credit-shortage'
export type { ResumeCheck } from './use-resume-check'
export { useResumeCheck } from './use-resume-check'
export {
  useComposition,
  useRunProgress,
  useRunSummary,
  useScene,
  useSceneAt,
  useSceneIds,
  useToolCalls,
} from './use-run-state'
