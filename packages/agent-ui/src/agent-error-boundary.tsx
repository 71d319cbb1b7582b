import type { AgentRunSnapshot } from '@kvidai/agent-core'
import { useAgentStore } from '@kvidai/agent-react'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { boundaryMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'

export interface AgentErrorBoundaryFallbackProps {
  error: unknown
  /** Renders the children again. */
  reset(): void
}

export interface AgentErrorBoundaryProps {
  /** Default: the provider's project. */
  projectId?: number
  /** What shows instead of the children that threw. Default: a short notice with Reset. */
  fallback?: ReactNode | ((props: AgentErrorBoundaryFallbackProps) => ReactNode)
  /**
   * Told of each error caught, with the run's snapshot the boundary removed from storage
   * (keep it, log it, or send it to your support tooling).
   */
  onError?: (
    error: unknown,
    details: { componentStack?: string | null; discarded: AgentRunSnapshot },
  ) => void
  children?: ReactNode
}

interface BoundaryProps {
  onCatch(error: unknown, info: ErrorInfo): void
  fallback(props: AgentErrorBoundaryFallbackProps): ReactNode
  children?: ReactNode
}

class Boundary extends Component<BoundaryProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false }
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true }
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.onCatch(error, info)
  }
  override render() {
    if (!this.state.failed) return this.props.children
    return this.props.fallback({
      error: this.state.error,
      reset: () => this.setState({ error: null, failed: false }),
    })
  }
}

function DefaultFallback({ reset }: AgentErrorBoundaryFallbackProps) {
  const translate = useMessages(boundaryMessages)
  return (
    <div role="alert" data-kvid-error-boundary="" data-state="error">
      <p>{translate('boundary.message')}</p>
      <button type="button" onClick={reset}>
        {translate('boundary.reset')}
      </button>
    </div>
  )
}

/**
 * Keeps one panel's render error from taking the editor down: what is inside shows a
 * fallback instead, and the rest of the page goes on. The project's saved snapshot is
 * removed (and handed to `onError`), so a state that cannot be shown does not crash every
 * reload; the run itself is left alone — a stream goes on, the other panels keep the
 * state, and a long video's job stays resumable from the server.
 */
export function AgentErrorBoundary({
  projectId,
  fallback,
  onError,
  children,
}: AgentErrorBoundaryProps) {
  const store = useAgentStore(projectId)
  function onCatch(error: unknown, info: ErrorInfo) {
    const discarded = store.toSnapshot()
    store.discardSnapshot()
    onError?.(error, { componentStack: info.componentStack, discarded })
  }
  const render =
    typeof fallback === 'function'
      ? fallback
      : fallback !== undefined
        ? () => fallback
        : (props: AgentErrorBoundaryFallbackProps) => <DefaultFallback {...props} />
  return (
    <Boundary onCatch={onCatch} fallback={render}>
      {children}
    </Boundary>
  )
}
