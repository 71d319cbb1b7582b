import { isRunning } from '@kvidai/agent-core'
import { useAgentSelector, useSceneAt } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, memo, useId, useState } from 'react'
import { boardMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { composeEventHandlers } from '../utils/compose-event-handlers'
import { useBoardContext } from './board-context'

export interface BoardSceneProps extends ComponentPropsWithoutRef<'li'> {
  /** The scene's position in the plan, from 0. */
  index: number
  retryButtonProps?: ComponentPropsWithoutRef<'button'>
}

/**
 * One scene card: its number, state, error, a badge when narration failed, and a Retry
 * button while it is failed. A scene still waiting when its run was interrupted or
 * stopped says so ("Interrupted", "Stopped"; `data-state` stays `pending`). Re-renders only when its own scene changes.
 */
export const BoardScene = memo(
  forwardRef<HTMLLIElement, BoardSceneProps>(function BoardScene(
    { index, retryButtonProps, ...props },
    ref,
  ) {
    const { projectId, retryScene } = useBoardContext('Scene')
    const translate = useMessages(boardMessages)
    const scene = useSceneAt(index, { projectId })
    const status = scene?.status ?? 'pending'
    // True only for a failed scene while nothing streams: other cards never re-render for it.
    const retryable = useAgentSelector((state) => status === 'failed' && !isRunning(state), {
      projectId,
    })
    // A scene that never started in a run that was cut short will not start by waiting:
    // it says the run was interrupted or stopped. Other cards never re-render for it.
    const cutShort = useAgentSelector(
      (state) =>
        status === 'pending' && (state.status === 'interrupted' || state.status === 'stopped')
          ? state.status
          : null,
      { projectId },
    )
    const [retrying, setRetrying] = useState(false)
    const number = index + 1
    const titleId = useId()

    function retry() {
      if (!scene || retrying) return
      setRetrying(true)
      retryScene(scene.sceneId)
        .catch(() => {})
        .finally(() => setRetrying(false))
    }

    return (
      <li
        aria-labelledby={titleId}
        data-kvid-scene={scene?.sceneId ?? String(index)}
        data-state={status}
        data-voice-error={scene?.voiceError ? '' : undefined}
        ref={ref}
        {...props}
      >
        <span data-kvid-scene-title="" id={titleId}>
          {translate('scene.label', { number })}
        </span>
        <span data-kvid-scene-status="">{translate(`scene.state.${cutShort ?? status}`)}</span>
        {scene?.voiceError && (
          <span data-kvid-scene-badge="" title={scene.voiceError}>
            {translate('scene.voiceWarning')}
          </span>
        )}
        {status === 'failed' && scene?.error && <p data-kvid-scene-error="">{scene.error}</p>}
        {status === 'failed' && (
          <button
            type="button"
            aria-label={translate('scene.retryLabel', { number })}
            disabled={!retryable || retrying}
            data-kvid-scene-retry=""
            data-state={retrying ? 'busy' : 'idle'}
            {...retryButtonProps}
            onClick={composeEventHandlers(retryButtonProps?.onClick, retry)}
          >
            {translate('scene.retry')}
          </button>
        )}
      </li>
    )
  }),
)
