import { AgentRequestError } from '@kvidai/agent-core'
import { useAgentRun, useAgentSelector, useRunProgress } from '@kvidai/agent-react'
import {
  type ComponentPropsWithoutRef,
  type MouseEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { createPortal } from 'react-dom'
import { useTranslate } from './i18n/use-translate'
import { composeEventHandlers } from './utils/compose-event-handlers'

export const DEFAULT_TOP_UP_URL = 'https://kvid.ai/credits/purchase'

export interface CreditShortageDialogProps
  extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open'> {
  projectId?: number
  /** Where "Top up credits" leads. Default kvid.ai's purchase page. */
  topUpUrl?: string
  /** Called on "Top up credits"; call `event.preventDefault()` to stay on the page. */
  onTopUp?: (event: MouseEvent<HTMLAnchorElement>) => void
  /** Controlled open state; by default it opens on each new shortage and closes when dismissed. */
  open?: boolean
  onOpenChange?: (open: boolean) => void
  /** Render into this element instead of in place. */
  container?: Element | null
}

/**
 * Opens when credits run out mid-run, or a run is refused for lack of credit: what is done,
 * what is left, what the balance covers, and the ways on — top up, then resume. A true
 * modal on the native `<dialog>`: labelled, focus moved in and given back, Escape closes.
 */
export function CreditShortageDialog({
  projectId,
  topUpUrl = DEFAULT_TOP_UP_URL,
  onTopUp,
  open: controlledOpen,
  onOpenChange,
  container,
  ...props
}: CreditShortageDialogProps) {
  const translate = useTranslate()
  const run = useAgentRun({ projectId })
  const progress = useRunProgress({ projectId })
  const shortage = useAgentSelector((state) => state.creditShortage, { projectId })
  const refusal = useAgentSelector(
    (state) =>
      state.error instanceof AgentRequestError && state.error.code === 'INSUFFICIENT_CREDIT'
        ? state.error
        : null,
    { projectId },
  )
  const trigger = refusal ?? shortage
  const [dismissed, setDismissed] = useState<object | null>(null)
  const open = controlledOpen ?? (trigger !== null && trigger !== dismissed)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  const titleId = useId()
  const descriptionId = useId()

  function close() {
    setDismissed(trigger)
    onOpenChange?.(false)
  }

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog || !open) return
    returnFocus.current = document.activeElement as HTMLElement | null
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    dialog.querySelector<HTMLElement>('[data-kvid-dialog-initial]')?.focus()
    return () => {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
      returnFocus.current?.focus()
    }
  }, [open])

  if (!open) return null

  const estPerScene = shortage?.estPerScene ?? 0
  const remainingCredit = shortage?.remainingCredit ?? 0
  const total = shortage?.totalScenes ?? progress.total
  const completed = Math.max(shortage?.completedScenes ?? 0, progress.completed)
  const refusalData = (refusal?.data ?? {}) as { required?: number; available?: number }

  const dialog = (
    <dialog
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      aria-modal="true"
      data-kvid-credit-dialog=""
      data-state={refusal ? 'refused' : 'shortage'}
      ref={dialogRef}
      {...props}
      onCancel={composeEventHandlers(props.onCancel, (event) => {
        event.preventDefault()
        close()
      })}
      onKeyDown={composeEventHandlers(props.onKeyDown, (event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          close()
        }
      })}
    >
      <h2 id={titleId}>{translate('credit.title')}</h2>
      <p id={descriptionId}>
        {refusal
          ? translate('credit.rejected', {
              required: refusalData.required ?? 0,
              available: refusalData.available ?? 0,
            })
          : translate('credit.description')}
      </p>
      {total > 0 && (
        <p data-kvid-credit-progress="">{translate('credit.progress', { completed, total })}</p>
      )}
      {shortage && (
        <dl data-kvid-credit-facts="">
          <div>
            <dt>{translate('credit.remaining')}</dt>
            <dd>{translate('credit.unit', { credits: remainingCredit })}</dd>
          </div>
          <div>
            <dt>{translate('credit.perScene')}</dt>
            <dd>{translate('credit.unit', { credits: estPerScene })}</dd>
          </div>
          <div>
            <dt>{translate('credit.needed')}</dt>
            <dd>
              {translate('credit.unit', { credits: Math.max(0, total - completed) * estPerScene })}
            </dd>
          </div>
        </dl>
      )}
      {shortage && estPerScene > 0 && (
        <p data-kvid-credit-covers="">
          {translate('credit.covers', { count: Math.floor(remainingCredit / estPerScene) })}
        </p>
      )}
      <div data-kvid-dialog-actions="">
        <a
          href={topUpUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-kvid-dialog-initial=""
          data-kvid-top-up=""
          onClick={onTopUp}
        >
          {translate('credit.topUp')}
        </a>
        <button
          type="button"
          data-kvid-dialog-resume=""
          disabled={run.isRunning}
          onClick={() => {
            close()
            void run.resume()
          }}
        >
          {translate('credit.resume')}
        </button>
        <button type="button" data-kvid-dialog-close="" onClick={close}>
          {translate('credit.close')}
        </button>
      </div>
    </dialog>
  )
  return container ? createPortal(dialog, container) : dialog
}
