import { forwardRef } from 'react'
import { BoardAnnouncer } from './board-announcer'
import { BoardList } from './board-list'
import { BoardRoot, type BoardRootProps } from './board-root'
import { BoardScene } from './board-scene'
import { BoardSummary } from './board-summary'

/** The ready-made board: summary, one card per planned scene, and announcements. */
const ComposedBoard = forwardRef<HTMLElement, BoardRootProps>(
  function SceneProgressBoard(props, ref) {
    return (
      <BoardRoot ref={ref} {...props}>
        <BoardSummary />
        <BoardList />
        <BoardAnnouncer />
      </BoardRoot>
    )
  },
)

export const SceneProgressBoard = Object.assign(ComposedBoard, {
  Root: BoardRoot,
  Summary: BoardSummary,
  List: BoardList,
  Scene: BoardScene,
  Announcer: BoardAnnouncer,
})
