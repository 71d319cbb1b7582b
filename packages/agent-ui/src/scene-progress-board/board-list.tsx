import { selectProgress, useAgentSelector } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react'
import { useBoardContext } from './board-context'
import { BoardScene } from './board-scene'

export interface BoardListProps extends ComponentPropsWithoutRef<'ol'> {
  /** Renders one scene by plan position; default `<SceneProgressBoard.Scene index={index} />`. */
  renderScene?: (index: number) => ReactNode
}

/**
 * One card per planned scene: placeholders stand for scenes that have not started. The
 * list renders again only when the number of planned scenes changes.
 */
export const BoardList = forwardRef<HTMLOListElement, BoardListProps>(function BoardList(
  { renderScene, ...props },
  ref,
) {
  const { projectId } = useBoardContext('List')
  const total = useAgentSelector((state) => selectProgress(state).total, { projectId })
  return (
    <ol data-kvid-board-list="" ref={ref} {...props}>
      {Array.from({ length: total }, (_, index) =>
        renderScene ? (
          renderScene(index)
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a plan position is the card's identity
          <BoardScene key={index} index={index} />
        ),
      )}
    </ol>
  )
})
