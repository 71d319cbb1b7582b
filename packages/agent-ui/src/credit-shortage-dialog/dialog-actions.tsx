import { type ComponentPropsWithoutRef, forwardRef, type MouseEvent } from 'react'
import { creditMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { useDialogContext } from './dialog-context'

export const DEFAULT_TOP_UP_URL = 'https://kvid.ai/credits/purchase'

export interface DialogActionsProps extends ComponentPropsWithoutRef<'div'> {
  /** Where "Top up credits" leads. Default kvid.ai's purchase page. */
  topUpUrl?: string
  /** Called on "Top up credits"; call `event.preventDefault()` to stay on the page. */
  onTopUp?: (event: MouseEvent<HTMLAnchorElement>) => void
}

/**
 * The ways on: "Top up credits", then the one action that moves the run on — "Try again"
 * re-sends a request that was refused (exactly once per click), "Resume" continues a job
 * that ran short — and "Close". The action waits while a request is in flight.
 */
export const DialogActions = forwardRef<HTMLDivElement, DialogActionsProps>(function DialogActions(
  { topUpUrl = DEFAULT_TOP_UP_URL, onTopUp, ...props },
  ref,
) {
  const translate = useMessages(creditMessages)
  const { shortage } = useDialogContext('Actions')
  return (
    <div data-kvid-dialog-actions="" ref={ref} {...props}>
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
      {shortage.action && (
        <button
          type="button"
          data-kvid-dialog-proceed=""
          data-action={shortage.action}
          disabled={shortage.busy}
          onClick={() => {
            shortage.dismiss()
            shortage.proceed()
          }}
        >
          {translate(shortage.action === 'resume' ? 'credit.resume' : 'credit.tryAgain')}
        </button>
      )}
      <button type="button" data-kvid-dialog-close="" onClick={shortage.dismiss}>
        {translate('credit.close')}
      </button>
    </div>
  )
})
