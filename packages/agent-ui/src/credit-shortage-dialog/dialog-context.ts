import type { CreditShortage } from '@kvidai/agent-react'
import { createContext, useContext } from 'react'

export interface DialogContextValue {
  shortage: CreditShortage
  titleId: string
  descriptionId: string
}

export const DialogContext = createContext<DialogContextValue | null>(null)

/** The dialog its part is inside; a part outside one is a mistake worth naming. */
export function useDialogContext(part: string): DialogContextValue {
  const context = useContext(DialogContext)
  if (!context) {
    throw new Error(`<CreditShortageDialog.${part}> must be inside <CreditShortageDialog.Root>.`)
  }
  return context
}
