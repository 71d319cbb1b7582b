import {
  type UseCreditShortageOptions,
  useControllableState,
  useCreditShortage,
} from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, useEffect, useId, useMemo, useRef } from 'react'
import { createPortal } from 'react-dom'
import { composeEventHandlers } from '../utils/compose-event-handlers'
import { composeRefs } from '../utils/compose-refs'
import { DialogContext } from './dialog-context'

export interface DialogRootProps
  extends Omit<ComponentPropsWithoutRef<'dialog'>, 'open'>,
    UseCreditShortageOptions {
  /** Render into this element instead of in place. */
  container?: Element | null
}

/**
 * The modal on the native `<dialog>`: shown while `useCreditShortage` says so (or `open`,
 * when controlled), labelled by its `Title` and described by its `Description`; focus
 * moves to the first control marked `data-kvid-dialog-initial` and goes back where it was
 * when it closes; Escape dismisses it. The `<dialog>` stays mounted, closed (hidden by the
 * browser) and empty when not shown, with `data-state="closed"`, so the ref holds it for
 * the component's whole life.
 */
export const DialogRoot = forwardRef<HTMLDialogElement, DialogRootProps>(function DialogRoot(
  { projectId, open, defaultOpen, onOpenChange, container, children, ...props },
  ref,
) {
  // Open or closed is held here, controlled or not; the hook only asks for changes (open on
  // each new shortage or refusal, closed when dismissed), so it is always given `open`.
  const [requestedOpen, setOpen] = useControllableState({
    value: open,
    defaultValue: false,
    onChange: onOpenChange,
    caller: 'CreditShortageDialog',
  })
  const shortage = useCreditShortage({
    projectId,
    open: requestedOpen,
    defaultOpen,
    onOpenChange: setOpen,
  })
  // Uncontrolled, it shows only while there is a shortage or refusal to show.
  const shown = open ?? (requestedOpen && shortage.trigger !== null)
  const dialogRef = useRef<HTMLDialogElement>(null)
  // The dialog is mounted open or closed: the caller's ref is set once, cleared on unmount.
  const refs = useMemo(() => composeRefs(dialogRef, ref), [ref])
  const titleId = useId()
  const descriptionId = useId()
  const context = useMemo(
    () => ({ shortage, titleId, descriptionId }),
    [shortage, titleId, descriptionId],
  )

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog || !shown) return
    const returnFocus = document.activeElement as HTMLElement | null
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    dialog.querySelector<HTMLElement>('[data-kvid-dialog-initial]')?.focus()
    return () => {
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
      returnFocus?.focus()
    }
  }, [shown])

  const dialog = (
    <DialogContext.Provider value={context}>
      <dialog
        // Closed, it is empty: the names it would point at are not there.
        aria-labelledby={shown ? titleId : undefined}
        aria-describedby={shown ? descriptionId : undefined}
        aria-modal="true"
        data-kvid-credit-dialog=""
        data-state={shown ? 'open' : 'closed'}
        // Why it is open: none when its controller opened it with nothing to show.
        data-trigger={shown ? (shortage.trigger ?? undefined) : undefined}
        ref={refs}
        {...props}
        onCancel={composeEventHandlers(props.onCancel, (event) => {
          event.preventDefault()
          shortage.dismiss()
        })}
        onKeyDown={composeEventHandlers(props.onKeyDown, (event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          shortage.dismiss()
        })}
      >
        {shown && children}
      </dialog>
    </DialogContext.Provider>
  )
  return container ? createPortal(dialog, container) : dialog
})
