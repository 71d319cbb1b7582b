import {
  type CreditShortageView,
  isRunning,
  type RunOutcome,
  selectCreditShortage,
} from '@kvidai/agent-core'
import { useEffect, useRef } from 'react'
import { useAgentCommands } from './use-agent-commands'
import { useAgentSelector } from './use-agent-selector'
import { useControllableState } from './use-controllable-state'

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
  // Uncontrolled, a shortage already there on mount opens it unless `defaultOpen` is false.
  const [requestedOpen, setOpen] = useControllableState({
    value: options.open,
    defaultValue: options.defaultOpen !== false && cause !== null,
    onChange: options.onOpenChange,
    caller: 'useCreditShortage',
  })
  // Each new shortage or refusal asks to open it once; one there on mount only when it may.
  const announced = useRef(options.defaultOpen === false ? cause : null)
  useEffect(() => {
    if (cause === null || cause === announced.current) return
    announced.current = cause
    setOpen(true)
  }, [cause, setOpen])

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
    // Uncontrolled, it shows only while there is a shortage or refusal to show.
    open: options.open ?? (requestedOpen && cause !== null),
    busy,
    setOpen,
    dismiss: () => setOpen(false),
    proceed: () => void proceedAsync().catch(() => {}),
    proceedAsync,
  }
}
