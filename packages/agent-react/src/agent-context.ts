import type { AgentRunRegistry, Locale } from '@kvidai/agent-core'
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'

export interface AgentContextValue {
  registry: AgentRunRegistry
  queryClient: QueryClient
  /** The project hooks use when they are not given one. */
  projectId: number | undefined
  locale: Locale
  /** The provider's `stallAfterMs`, or the stream's default (60 s) when it sets none. */
  stallAfterMs: number
}

export const AgentContext = createContext<AgentContextValue | null>(null)

export function useAgentContext(hook: string): AgentContextValue {
  const context = useContext(AgentContext)
  if (!context) {
    throw new Error(
      `${hook} must be used inside <KvidAgentProvider>. Wrap the part of your app that uses the agent in it.`,
    )
  }
  return context
}

type ProjectContext = { context: AgentContextValue; projectId: number }

/** The project a hook works on: its own argument, else the provider's. */
export function useProjectId(hook: string, projectId: number | undefined): ProjectContext {
  const context = useAgentContext(hook)
  const resolved = projectId ?? context.projectId
  if (resolved === undefined) {
    throw new Error(
      `${hook} needs a projectId: pass { projectId } to it, or set projectId on <KvidAgentProvider>.`,
    )
  }
  return { context, projectId: resolved }
}

/** The provider's locale (`en` unless set), for components that speak to the user. */
export function useAgentLocale(): Locale {
  return useAgentContext('useAgentLocale').locale
}

/**
 * The quiet time after which the provider's runs show as `stalled`: its `stallAfterMs`,
 * else the stream's default (60 s). For a notice that says how long the stream is quiet.
 */
export function useStallAfterMs(): number {
  return useAgentContext('useStallAfterMs').stallAfterMs
}
