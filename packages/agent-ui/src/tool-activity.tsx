import { useToolCalls } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { toolsMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'

export interface ToolActivityProps extends ComponentPropsWithoutRef<'section'> {
  projectId?: number
}

/** The agent's tool calls as they start and end, with their outcomes. */
export const ToolActivity = forwardRef<HTMLElement, ToolActivityProps>(function ToolActivity(
  { projectId, ...props },
  ref,
) {
  const translate = useMessages(toolsMessages)
  const calls = useToolCalls({ projectId })
  return (
    <section aria-label={translate('tools.label')} data-kvid-tools="" ref={ref} {...props}>
      {calls.length === 0 ? (
        <p data-kvid-tools-empty="">{translate('tools.empty')}</p>
      ) : (
        <ul>
          {calls.map((call) => (
            <li key={call.toolUseId} data-kvid-tool={call.toolName} data-state={call.status}>
              <code>{call.toolName}</code> <span>{translate(`tools.${call.status}`)}</span>
              {call.error && <span data-kvid-tool-error="">{call.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
})
