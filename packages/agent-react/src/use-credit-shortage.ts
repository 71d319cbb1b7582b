import { AgentRequestError, type AgentRunState, type RunOutcome } from '@kvidai/agent-core'
import { useEffect, useRef, useState } from 'react'
import { selectProgress } from './run-selectors'
import { useAgentRun } from './use-agent-run'
import { useAgentSelector } from './use-agent-selector'

/** What the user is told: all in credits and scenes; null where the server said nothing. */
export interface CreditShortageFigures {
  completedScenes: number
  totalScenes: number
  /** The balance when the run stopped (a shortage) or was refused. */
  remainingCredit: number | null
  estPerScene: number | null
  /** What finishing the remaining scenes would cost, by the server's estimate. */
  neededCredits: number | null
  /** How many more scenes the balance covers. */
  coveredScenes: number | null
  /** For a refusal: what the request would have reserved. */
  required: number | null
}

/**
 * What the primary action does: `try-again` re-sends a start that was refused, `resume`
 * continues the job, `retry-scene` re-sends a refused scene retry.
 */
export type CreditShortageAction = 'try-again' | 'resume' | 'retry-scene'

export interface CreditShortage {
  /** Whether the dialog shows. */
  open: boolean
  /** What opened it: credits ran out mid-run, or a request was refused for lack of credit. */
  trigger: 'shortage' | 'refused' | null
  action: CreditShortageAction | null
  figures: CreditShortageFigures
  /** A request is in flight: the primary action sends nothing now. */
  busy: boolean
  setOpen(open: boolean): void
  /** Closes it until the next shortage or refusal. */
  dismiss(): void
  /** The primary action: exactly one request per call, none while one is in flight. */
  proceed(): Promise<RunOutcome | null>
}

export interface UseCreditShortageOptions {
  projectId?: number
  /** Controlled: whether the dialog shows. */
  open?: boolean
  /** Uncontrolled: whether a shortage already there on mount opens it. Default true. */
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
}

function refusalOf(state: AgentRunState): AgentRequestError | null {
  const { error } = state
  return state.status === 'rejected' &&
    AgentRequestError.isInstance(error) &&
    error.code === 'INSUFFICIENT_CREDIT'
    ? error
    : null
}

function numberOr(value: unknown, fallback: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * Everything a credit-shortage dialog needs, without the dialog: when it opens (on each new
 * mid-run shortage, or a request refused with `INSUFFICIENT_CREDIT`), the figures, and the
 * one action that moves on — "Try again" for a refused start, "Resume" otherwise.
 * Controlled (`open` + `onOpenChange`, which is asked to open on each new trigger) or not
 * (`defaultOpen`).
 */
export function useCreditShortage(options: UseCreditShortageOptions = {}): CreditShortage {
  const { projectId, onOpenChange } = options
  const run = useAgentRun({ projectId })
  const shortage = useAgentSelector((state) => state.creditShortage, { projectId })
  const refusal = useAgentSelector(refusalOf, { projectId })
  const request = useAgentSelector((state) => state.request, { projectId })
  const progress = useAgentSelector(selectProgress, { projectId })
  const trigger: object | null = refusal ?? shortage
  const [dismissed, setDismissed] = useState<object | null>(() =>
    options.defaultOpen === false ? trigger : null,
  )
  const open = options.open ?? (trigger !== null && trigger !== dismissed)

  // A new shortage or refusal asks to open, controlled or not (latest callback, no stale closure).
  const onOpenChangeRef = useRef(onOpenChange)
  onOpenChangeRef.current = onOpenChange
  const announced = useRef(options.defaultOpen === false ? trigger : null)
  useEffect(() => {
    if (trigger === null || trigger === announced.current) return
    announced.current = trigger
    onOpenChangeRef.current?.(true)
  }, [trigger])

  function setOpen(next: boolean) {
    if (options.open === undefined) setDismissed(next ? null : trigger)
    onOpenChange?.(next)
  }

  let action: CreditShortageAction | null = null
  if (refusal) {
    action = request?.kind === 'run' ? 'try-again' : (request?.kind ?? 'resume')
  } else if (shortage) action = 'resume'

  const estPerScene = numberOr(shortage?.estPerScene, null)
  const remainingCredit = numberOr(
    shortage?.remainingCredit,
    numberOr((refusal?.data as { available?: unknown } | null)?.available, null),
  )
  const totalScenes = shortage?.totalScenes || progress.total
  const completedScenes = Math.max(shortage?.completedScenes ?? 0, progress.completed)
  const figures: CreditShortageFigures = {
    completedScenes,
    totalScenes,
    remainingCredit,
    estPerScene,
    neededCredits:
      estPerScene === null ? null : Math.max(0, totalScenes - completedScenes) * estPerScene,
    coveredScenes:
      estPerScene && remainingCredit !== null ? Math.floor(remainingCredit / estPerScene) : null,
    required: numberOr((refusal?.data as { required?: unknown } | null)?.required, null),
  }

  return {
    open,
    trigger: refusal ? 'refused' : shortage ? 'shortage' : null,
    action,
    figures,
    busy: run.isRunning,
    setOpen,
    dismiss: () => setOpen(false),
    async proceed() {
      if (run.isRunning || !action) return null
      if (action === 'try-again') return run.startAgain()
      if (action === 'retry-scene' && request?.kind === 'retry-scene') {
        return run.retryScene(request.sceneId)
      }
      return run.resume()
    },
  }
}
