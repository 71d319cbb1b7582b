import { useAgentSelector } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { warningsMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'

export interface TemplateWarningsProps extends ComponentPropsWithoutRef<'section'> {
  projectId?: number
}

/** What the template check found while the agent fell back; nothing when all was well. */
export const TemplateWarnings = forwardRef<HTMLElement, TemplateWarningsProps>(
  function TemplateWarnings({ projectId, ...props }, ref) {
    const translate = useMessages(warningsMessages)
    const warnings = useAgentSelector((state) => state.templateWarnings, { projectId })
    if (warnings.length === 0) return null
    return (
      <section aria-label={translate('warnings.label')} data-kvid-warnings="" ref={ref} {...props}>
        <ul>
          {warnings.map((warning, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings only ever append
              key={index}
              data-severity={warning.severity}
            >
              <code>{warning.field}</code> {warning.message}
            </li>
          ))}
        </ul>
      </section>
    )
  },
)
