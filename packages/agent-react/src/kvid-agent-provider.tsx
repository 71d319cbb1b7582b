import {
  type AgentEvent,
  type AgentRunFinish,
  type CallbackErrorHandler,
  devWarning,
  type Fetch,
  type Locale,
  type RunStorage,
  type UnknownAgentEvent,
} from '@kvidai/agent-core'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { AgentContext, type AgentContextValue } from './agent-context'
import { browserStorage } from './browser-storage'
import { createRunRegistry, type RegistryConfig } from './run-registry'
import { invalidateChecksOnRunEnd } from './use-resume-check'

export interface KvidAgentProviderProps {
  /** The Agent API, or your own proxy that adds the key on the server (e.g. `/api/kvid`). */
  baseUrl: string
  /** Only where the key may be seen, such as a server or an internal tool; browsers should use a proxy. */
  apiKey?: string
  email?: string
  fetch?: Fetch
  headers?: Record<string, string>
  locale?: Locale
  /** Where run snapshots survive reloads. Default `localStorage`; `null` turns it off. */
  storage?: RunStorage | null
  /**
   * The signed-in user (any stable id; it is not sent anywhere). Snapshots are stored under
   * it, so accounts that share a browser never see each other's runs, and a change of user
   * starts afresh: the previous user's runs stop and their state is let go. On sign-out,
   * `clearAgentStorage({ userId })` from `@kvidai/agent-core` removes what was saved.
   */
  userId?: string
  /** A saved snapshot older than this is not restored. Default 7 days. */
  storageMaxAgeMs?: number
  /** The project hooks use when not given one. */
  projectId?: number
  /** Default: the app's own QueryClient when there is one, else a private one. */
  queryClient?: QueryClient
  /** Silence after which a run shows as stalled (it keeps streaming). Default 60 s. */
  stallAfterMs?: number
  /** Silence after which the connection is closed and the run interrupted. Off by default. */
  idleTimeoutMs?: number
  /** The largest event read. Default 64 MiB. */
  maxEventBytes?: number
  /**
   * A callback of yours (`onEvent`, `onDone`, …) threw. The run goes on either way;
   * without this handler the error is logged with `console.error` in development.
   */
  onCallbackError?: CallbackErrorHandler
  /** Every event of every project under this provider, for telemetry or logging. */
  onEvent?: (event: AgentEvent | UnknownAgentEvent, context: { projectId: number }) => void
  /** Every request's ending (done, failed, rejected, interrupted, stopped), for telemetry. */
  onFinish?: (finish: AgentRunFinish & { projectId: number }) => void
  /**
   * Whether a run stops when the last component showing it unmounts. Default true: a
   * stream nobody sees is closed, and a long video's job stays resumable. Set false to keep
   * runs going while their panel is collapsed; they stop when the provider unmounts.
   */
  stopOnUnmount?: boolean
  children?: ReactNode
}

function defaultQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false, refetchOnReconnect: false } },
  })
}

/**
 * Configures the agent for the components inside it. Each provider has its own client,
 * stores and resume checks, so several on one page stay independent.
 */
export function KvidAgentProvider(props: KvidAgentProviderProps) {
  const appQueryClient = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() =>
    props.queryClient || appQueryClient ? null : defaultQueryClient(),
  )
  const queryClient = props.queryClient ?? appQueryClient ?? (ownQueryClient as QueryClient)

  const config: RegistryConfig = {
    baseUrl: props.baseUrl,
    apiKey: props.apiKey,
    email: props.email,
    fetch: props.fetch,
    headers: props.headers,
    idleTimeoutMs: props.idleTimeoutMs,
    stallAfterMs: props.stallAfterMs,
    maxEventBytes: props.maxEventBytes,
    onCallbackError: props.onCallbackError,
    onEvent: props.onEvent,
    onFinish: props.onFinish,
    stopOnUnmount: props.stopOnUnmount,
    locale: props.locale,
    userId: props.userId,
    storageMaxAgeMs: props.storageMaxAgeMs,
    storage: () => (props.storage === undefined ? browserStorage() : props.storage),
  }
  // One registry per user: another user gets fresh stores, checks and snapshots.
  const [owner, setOwner] = useState(() => ({
    userId: props.userId,
    registry: createRunRegistry(config),
  }))
  let { registry } = owner
  if (owner.userId !== props.userId) {
    registry = createRunRegistry(config)
    setOwner({ userId: props.userId, registry })
  }
  useEffect(() => {
    registry.configure(config)
  })
  useEffect(() => invalidateChecksOnRunEnd(registry, queryClient), [registry, queryClient])
  // Whatever stopOnUnmount says, nothing streams on after its provider is gone.
  useEffect(() => () => registry.stopAll(), [registry])
  useEffect(() => {
    if (props.apiKey && typeof window !== 'undefined') {
      devWarning(
        '@kvidai/agent-react',
        'An apiKey was given to KvidAgentProvider in a browser. Anyone can read it there: serve the Agent API through a server-side proxy and leave apiKey out.',
      )
    }
  }, [props.apiKey])
  useEffect(() => {
    if (props.storage === undefined && props.userId === undefined) {
      devWarning(
        '@kvidai/agent-react',
        'KvidAgentProvider saves runs in localStorage without a userId: accounts that share this browser would see each other’s runs. Pass userId={yourUser.id}, or storage={null}.',
      )
    }
  }, [props.storage, props.userId])

  const value = useMemo<AgentContextValue>(
    () => ({ registry, queryClient, projectId: props.projectId, locale: props.locale ?? 'en' }),
    [registry, queryClient, props.projectId, props.locale],
  )
  return <AgentContext.Provider value={value}>{props.children}</AgentContext.Provider>
}
