import { isRunning } from '@kvidai/agent-core'
import { useAgentCommands, useAgentSelector } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { stopMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
import { composeEventHandlers } from './utils/compose-event-handlers'

export interface StopButtonProps extends ComponentPropsWithoutRef<'button'> {
  /** Default: the provider's project. */
  projectId?: number
}

/**
 * "Stop" while a run's request is in flight; nothing otherwise. It closes the stream:
 * the status reads "Stopped", finished scenes and the latest composition stay, and a long
 * video's job stays resumable (`ResumeButton` then offers the remaining scenes). There is
 * no cancel request in the API: work the server already started may still be charged.
 */
export const StopButton = forwardRef<HTMLButtonElement, StopButtonProps>(function StopButton(
  { projectId, onClick, ...props },
  ref,
) {
  const translate = useMessages(stopMessages)
  const { stop } = useAgentCommands({ projectId })
  const running = useAgentSelector(isRunning, { projectId })
  if (!running) return null
  return (
    <button
      type="button"
      data-kvid-stop=""
      data-state="running"
      ref={ref}
      {...props}
      onClick={composeEventHandlers(onClick, () => stop())}
    >
      {translate('stop.button')}
    </button>
  )
})
