import { isRunning } from '@kvidai/agent-core'
import { useAgentCommands, useAgentSelector, useResumeCheck } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, useState } from 'react'
import { resumeMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
import { composeEventHandlers } from './utils/compose-event-handlers'

export interface ResumeButtonProps extends ComponentPropsWithoutRef<'button'> {
  /** Default: the provider's project. */
  projectId?: number
}

/**
 * "▶ Resume 6 scenes" when the project has an unfinished job; nothing otherwise. Busy
 * while resuming, disabled while any run streams. A refusal (another run in flight, not
 * enough credits) shows in `AgentErrorNotice` and `CreditShortageDialog`.
 */
export const ResumeButton = forwardRef<HTMLButtonElement, ResumeButtonProps>(function ResumeButton(
  { projectId, onClick, disabled, ...props },
  ref,
) {
  const translate = useMessages(resumeMessages)
  const check = useResumeCheck({ projectId })
  const { resumeAsync } = useAgentCommands({ projectId })
  const running = useAgentSelector(isRunning, { projectId })
  const [resuming, setResuming] = useState(false)
  const job = check.data
  if (!job && !resuming) return null

  const remaining = job?.remainingScenes ?? 0
  function resume() {
    if (!job || running) return
    setResuming(true)
    resumeAsync(job.jobId)
      .catch(() => {})
      .finally(() => setResuming(false))
  }
  const state = resuming ? 'busy' : running || disabled ? 'disabled' : 'idle'
  return (
    <button
      type="button"
      aria-busy={resuming || undefined}
      data-kvid-resume=""
      data-state={state}
      disabled={state !== 'idle'}
      ref={ref}
      {...props}
      onClick={composeEventHandlers(onClick, resume)}
    >
      {resuming ? translate('resume.busy') : translate('resume.button', { count: remaining })}
    </button>
  )
})
