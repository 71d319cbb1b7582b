import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { promptMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { composeEventHandlers } from '../utils/compose-event-handlers'
import { usePromptContext } from './prompt-context'

export type PromptInputProps = Omit<ComponentPropsWithoutRef<'textarea'>, 'value' | 'defaultValue'>

/** The instruction: a labelled text box, marked invalid while it is empty or too long. */
export const PromptInput = forwardRef<HTMLTextAreaElement, PromptInputProps>(function PromptInput(
  { onChange, ...props },
  ref,
) {
  const translate = useMessages(promptMessages)
  const { id, message, setMessage, problems, disabled } = usePromptContext('Input')
  const invalid = problems.some(
    (problem) => problem.key === 'prompt.empty' || problem.key === 'prompt.tooLong',
  )
  return (
    <>
      <label htmlFor={`${id}-message`}>{translate('prompt.label')}</label>
      <textarea
        id={`${id}-message`}
        name="message"
        disabled={disabled}
        placeholder={translate('prompt.placeholder')}
        aria-invalid={invalid || undefined}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        ref={ref}
        {...props}
        value={message}
        onChange={composeEventHandlers(onChange, (event) => setMessage(event.target.value))}
      />
    </>
  )
})
