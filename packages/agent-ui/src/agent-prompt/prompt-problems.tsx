import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { promptMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { usePromptContext } from './prompt-context'

export type PromptProblemsProps = ComponentPropsWithoutRef<'div'>

/** What keeps the prompt from sending (empty, too long, a file refused), as an alert. */
export const PromptProblems = forwardRef<HTMLDivElement, PromptProblemsProps>(
  function PromptProblems(props, ref) {
    const translate = useMessages(promptMessages)
    const { id, problems } = usePromptContext('Problems')
    if (problems.length === 0) return null
    return (
      // The alert holds the list: a list's items must stay inside a list role.
      <div id={`${id}-problems`} role="alert" data-kvid-prompt-problems="" ref={ref} {...props}>
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.key}-${String(problem.params?.name ?? '')}`}>
              {translate(problem.key, problem.params)}
            </li>
          ))}
        </ul>
      </div>
    )
  },
)
