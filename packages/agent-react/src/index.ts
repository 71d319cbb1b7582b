'use client'

export type { AgentRunCommands, RunCommands, RunProgress } from '@kvidai/agent-core'
export { selectProgress } from '@kvidai/agent-core'
export { useAgentLocale, useStallAfterMs } from './agent-context'
export type { KvidAgentProviderProps } from './kvid-agent-provider'
export { KvidAgentProvider } from './kvid-agent-provider'
export { useAgentCommands } from './use-agent-commands'
export { useAgentRegistry } from './use-agent-registry'
export type { AgentRun, UseAgentRunOptions } from './use-agent-run'
export { useAgentRun } from './use-agent-run'
export type { SelectorOptions } from './use-agent-selector'
export { useAgentSelector, useAgentStore } from './use-agent-selector'
export type { ControllableStateOptions } from './use-controllable-state'
export { useControllableState } from './use-controllable-state'
export type { CreditShortage, UseCreditShortageOptions } from './use-credit-shortage'
export { useCreditShortage } from './use-credit-shortage'
export type { ResumeCheck } from './use-resume-check'
export { useResumeCheck } from './use-resume-check'
export { useRunInAnotherTab } from './use-run-in-another-tab'
export {
  useComposition,
  useRunProgress,
  useRunSummary,
  useScene,
  useSceneAt,
  useSceneIds,
  useToolCalls,
} from './use-run-state'
