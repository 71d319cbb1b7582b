import { useResumeCheck, useRunProgress } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { boardMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { useBoardContext } from './board-context'

export type BoardSummaryProps = ComponentPropsWithoutRef<'div'>

/**
 * Overall progress: a real progress bar, "5 of 8 scenes", and failures when there are any.
 * Empty, it says "No scenes yet." — or how many scenes the last run left, when the project
 * has an unfinished job to resume.
 */
export const BoardSummary = forwardRef<HTMLDivElement, BoardSummaryProps>(
  function BoardSummary(props, ref) {
    const { projectId } = useBoardContext('Summary')
    const translate = useMessages(boardMessages)
    const { completed, failed, total } = useRunProgress({ projectId })
    const text = translate('board.summary', { completed, total })
    const state =
      total === 0 ? 'empty' : completed === total ? 'complete' : failed > 0 ? 'failed' : 'running'
    return (
      <div data-kvid-board-summary="" data-state={state} ref={ref} {...props}>
        <div
          role="progressbar"
          aria-label={translate('board.label')}
          aria-valuemin={0}
          aria-valuemax={Math.max(total, 1)}
          aria-valuenow={completed}
          aria-valuetext={text}
          data-kvid-progress=""
          style={{ ['--kvid-progress' as string]: total === 0 ? 0 : completed / total }}
        >
          <div data-kvid-progress-fill="" />
        </div>
        <p data-kvid-board-count="">
          {total === 0 ? <EmptyText projectId={projectId} /> : text}
          {failed > 0 && (
            <span data-kvid-board-failed="">{` · ${translate('board.failedCount', { failed })}`}</span>
          )}
        </p>
      </div>
    )
  },
)

/**
 * What an empty board says: "No scenes yet.", or, when the project has an unfinished job
 * (a reload with its saved board cleared), how many scenes the last run left. Asks the
 * resume check only while the board is empty.
 */
function EmptyText({ projectId }: { projectId: number | undefined }) {
  const translate = useMessages(boardMessages)
  const job = useResumeCheck({ projectId }).data
  return job && job.remainingScenes > 0
    ? translate('board.emptyResumable', { count: job.remainingScenes })
    : translate('board.empty')
}
