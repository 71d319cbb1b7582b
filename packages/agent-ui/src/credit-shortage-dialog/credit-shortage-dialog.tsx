import { forwardRef } from 'react'
import { DialogActions, type DialogActionsProps } from './dialog-actions'
import { DialogDescription, DialogFacts, DialogTitle } from './dialog-facts'
import { DialogRoot, type DialogRootProps } from './dialog-root'

export interface CreditShortageDialogProps
  extends DialogRootProps,
    Pick<DialogActionsProps, 'topUpUrl' | 'onTopUp'> {}

/**
 * The ready-made dialog: opens when credits run out mid-run, or a request is refused for
 * lack of credit, with the figures and the ways on. Built from the parts below over
 * `useCreditShortage`, for a dialog of your own.
 */
const ComposedDialog = forwardRef<HTMLDialogElement, CreditShortageDialogProps>(
  function CreditShortageDialog({ topUpUrl, onTopUp, ...props }, ref) {
    return (
      <DialogRoot ref={ref} {...props}>
        <DialogTitle />
        <DialogDescription />
        <DialogFacts />
        <DialogActions topUpUrl={topUpUrl} onTopUp={onTopUp} />
      </DialogRoot>
    )
  },
)

export const CreditShortageDialog = Object.assign(ComposedDialog, {
  Root: DialogRoot,
  Title: DialogTitle,
  Description: DialogDescription,
  Facts: DialogFacts,
  Actions: DialogActions,
})
