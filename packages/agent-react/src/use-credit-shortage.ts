import {
  type CreditShortageView,
  isRunning,
  type RunOutcome,
  selectCreditShortage,
} from '@kvidai/agent-core'
import { useEffect, useRef, useState } from 'react'
import { useAgentCommands } from './use-agent-commands'
import { useAgentSelector } from './use-agent-selector'

export interface CreditShortage extends Omit<CreditShortageView, 'cause'> {
  /** Whether the dialog shows. */
  open: boolean
  /** A request is in flight: the action sends nothing now. */
  busy: boolean
  setOpen(open: boolean): void
  /** Closes it until the next shortage or refusal. */
  dismiss(): void
  /** The action: exactly one request per call, none while one is in flight. */
  proceed(): void
  /** The same, resolving with the outcome (null when nothing was sent). */
  proceedAsync(): Promise<RunOutcome | null>
}

export interface UseCreditShortageOptions {
  projectId?: number
  /** Controlled: whether the dialog shows. */
  open?: boolean
  /** Uncontrolled: whether a shortage already there on mount opens it. Default true. */
  defaultOpen?: boolean
  /** Asked to open on each new shortage or refusal, and to close when dismissed. */
  onOpenChange?: (open: boolean) => void
}

/**
 * Everything a credit-shortage dialog needs, without the dialog: when it opens (each new
 * mid-run shortage, or a request refused with `INSUFFICIENT_CREDIT`), the figures, and the
 * one action that moves on ("Try again" for a refused start, else "Resume"). Controlled
 * (`open`, `onOpenChange`) or not (`defaultOpen`).
 */
export function useCreditShortage(options: UseCreditShortageOptions = {}): CreditShortage {
  const { projectId } = options
  const commands = useAgentCommands({ projectId })
  const busy = useAgentSelector(isRunning, { projectId })
  const { cause, ...view } = useAgentSelector(selectCreditShortage, { projectId })
  const [dismissed, setDismissed] = useState(() => (options.defaultOpen === false ? cause : null))
  const latest = useRef(options)
  latest.current = options
  const announced = useRef(dismissed)
  useEffect(() => {
    if (cause === null || cause === announced.current) return
    announced.current = cause
    latest.current.onOpenChange?.(true)
  }, [cause])

  function setOpen(open: boolean) {
    if (latest.current.open === undefined) setDismissed(open ? null : cause)
    latest.current.onOpenChange?.(open)
  }
  function proceedAsync(): Promise<RunOutcome | null> {
    const { action, sceneId } = view
    if (busy || !action) return Promise.resolve(null)
    if (action === 'try-again') return commands.startAgainAsync()
    return action === 'retry-scene' && sceneId
      ? commands.retrySceneAsync(sceneId)
      : commands.resumeAsync()
  }
  return {
    ...view,
    open: options.open ?? (cause !== null && cause !== dismissed),
    busy,
    setOpen,
    dismiss: () => setOpen(false),
    proceed: () => void proceedAsync().catch(() => {}),
    proceedAsync,
  }
}
