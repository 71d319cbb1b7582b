import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { promptMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { usePromptContext } from './prompt-context'

export type PromptSubmitProps = Omit<ComponentPropsWithoutRef<'button'>, 'type'>

/** "Run agent": sends the form; unavailable while a run streams, files are read, or disabled. */
export const PromptSubmit = forwardRef<HTMLButtonElement, PromptSubmitProps>(function PromptSubmit(
  { children, ...props },
  ref,
) {
  const translate = useMessages(promptMessages)
  const { running, reading, disabled } = usePromptContext('Submit')
  const unavailable = running || reading || disabled
  return (
    // aria-disabled keeps focus on the button while the run streams; the root checks it.
    <button
      type="submit"
      aria-disabled={unavailable}
      data-kvid-prompt-submit=""
      data-state={running ? 'running' : unavailable ? 'disabled' : 'idle'}
      ref={ref}
      {...props}
    >
      {children ?? translate('prompt.submit')}
    </button>
  )
})
