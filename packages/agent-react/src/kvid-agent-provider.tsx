import {
  type AgentRunRegistryOptions,
  createAgentRunRegistry,
  DEFAULT_STALL_AFTER_MS,
} from '@kvidai/agent-core'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { AgentContext, type AgentContextValue } from './agent-context'
import { queryResumeCheck } from './use-resume-check'

/**
 * The registry's options (endpoint, credentials, timing, locale, user, telemetry; see
 * `AgentRunRegistryOptions` in `@kvidai/agent-core`), and the React-only ones.
 */
export interface KvidAgentProviderProps extends Omit<AgentRunRegistryOptions, 'stopWhenReleased'> {
  /**
   * Whether a run stops when the last component showing it unmounts. Default true: a
   * stream nobody sees is closed, and a long video's job stays resumable. Set false to keep
   * runs going while their panel is collapsed; they stop when the provider unmounts.
   */
  stopOnUnmount?: boolean
  /** The project hooks use when not given one. */
  projectId?: number
  /** Default: the app's own QueryClient when there is one, else a private one. */
  queryClient?: QueryClient
  children?: ReactNode
}

const QUIET_QUERIES = { queries: { refetchOnWindowFocus: false, refetchOnReconnect: false } }

/**
 * Configures the agent for the components inside it. Each provider has its own client,
 * stores and resume checks, so several on one page stay independent.
 */
export function KvidAgentProvider(props: KvidAgentProviderProps) {
  const appQueryClient = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() =>
    props.queryClient || appQueryClient ? null : new QueryClient({ defaultOptions: QUIET_QUERIES }),
  )
  const queryClient = props.queryClient ?? appQueryClient ?? (ownQueryClient as QueryClient)

  const { stopOnUnmount, projectId, queryClient: _queryClient, children, ...rest } = props
  const options: AgentRunRegistryOptions = { ...rest, stopWhenReleased: stopOnUnmount }
  /** A registry whose check-resume answers come from this provider's query cache. */
  const create = () => {
    const created = createAgentRunRegistry(options)
    created.setOptions({ resumeCheck: queryResumeCheck(queryClient, created) })
    return created
  }
  // One registry per user: another user gets fresh stores, checks and snapshots.
  const [owner, setOwner] = useState(() => ({ userId: props.userId, registry: create() }))
  let { registry } = owner
  if (owner.userId !== props.userId) {
    registry = create()
    setOwner({ userId: props.userId, registry })
  }
  useEffect(() => {
    registry.setOptions({ ...options, resumeCheck: queryResumeCheck(queryClient, registry) })
  })
  // Whatever stopOnUnmount says, nothing streams on after its provider is gone.
  useEffect(() => registry.connect(), [registry])
  // The same default the stream uses, so components can say how long it has been quiet.
  const stallAfterMs = props.stallAfterMs ?? DEFAULT_STALL_AFTER_MS
  const value = useMemo<AgentContextValue>(
    () => ({ registry, queryClient, projectId, locale: props.locale ?? 'en', stallAfterMs }),
    [registry, queryClient, projectId, props.locale, stallAfterMs],
  )
  return <AgentContext.Provider value={value}>{children}</AgentContext.Provider>
}
