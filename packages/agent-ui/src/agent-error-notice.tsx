import type { AgentError } from '@kvidai/agent-core'
import { useAgentSelector } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react'
import { describeError, errorCode } from './describe-error'
import { errorMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'

export interface AgentErrorNoticeProps extends ComponentPropsWithoutRef<'div'> {
  projectId?: number
}

/**
 * The last thing that went wrong — a reject, a stream error, a dropped connection — as a
 * message that says what to do about it. Server text shows as plain text, never markup.
 */
export const AgentErrorNotice = forwardRef<HTMLDivElement, AgentErrorNoticeProps>(
  function AgentErrorNotice({ projectId, ...props }, ref) {
    const translate = useMessages(errorMessages)
    const error = useAgentSelector((state) => state.error, { projectId })
    const interrupted = useAgentSelector((state) => state.status === 'interrupted', { projectId })
    const [dismissed, setDismissed] = useState<AgentError | 'interrupted' | null>(null)
    const shown: AgentError | 'interrupted' | null = error ?? (interrupted ? 'interrupted' : null)
    // Once the notice has nothing to show, a dismissal is spent: the next problem shows,
    // even another interruption.
    if (!shown && dismissed) setDismissed(null)
    if (!shown || shown === dismissed) return null
    const code = shown === 'interrupted' ? 'interrupted' : errorCode(shown)
    const text =
      shown === 'interrupted' ? translate('error.interrupted') : describeError(translate, shown)
    return (
      <div role="alert" data-kvid-error="" data-code={code} ref={ref} {...props}>
        <p>{text}</p>
        <button type="button" onClick={() => setDismissed(shown)}>
          {translate('error.dismiss')}
        </button>
      </div>
    )
  },
)
