import { useAgentRun, useAgentSelector } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react'
import { boardMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { BoardContext } from './board-context'

export interface BoardRootProps extends ComponentPropsWithoutRef<'section'> {
  /** Default: the provider's project. */
  projectId?: number
}

/** The board's region; its parts read the run of `projectId`. */
export const BoardRoot = forwardRef<HTMLElement, BoardRootProps>(function BoardRoot(
  { projectId, children, ...props },
  ref,
) {
  const translate = useMessages(boardMessages)
  const { retrySceneAsync: retryScene } = useAgentRun({ projectId })
  const status = useAgentSelector((state) => state.status, { projectId })
  const context = useMemo(() => ({ projectId, retryScene }), [projectId, retryScene])
  return (
    <BoardContext.Provider value={context}>
      <section
        aria-label={translate('board.label')}
        data-kvid-board=""
        data-state={status}
        ref={ref}
        {...props}
      >
        {children}
      </section>
    </BoardContext.Provider>
  )
})
