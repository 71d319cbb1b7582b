import { useRunProgress } from '@kvidai/agent-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslate } from '../i18n/use-translate'
import { useBoardContext } from './board-context'

export interface BoardAnnouncerProps {
  /** How long completions are gathered into one announcement, in ms. Default 1,500. */
  delayMs?: number
}

/**
 * A polite live region that tells screen readers how the board moves on: completions and
 * failures are gathered and read out together, not once per event.
 */
export function BoardAnnouncer({ delayMs = 1500 }: BoardAnnouncerProps) {
  const { projectId } = useBoardContext('Announcer')
  const translate = useTranslate()
  const progress = useRunProgress({ projectId })
  const [message, setMessage] = useState('')
  const [announced, setAnnounced] = useState({
    completed: progress.completed,
    failed: progress.failed,
  })
  const latest = useRef(progress)
  latest.current = progress

  const pending = progress.completed !== announced.completed || progress.failed !== announced.failed
  useEffect(() => {
    if (!pending) return
    // One timer per batch: later changes join it rather than pushing it back.
    const timer = setTimeout(() => {
      const { completed, failed, total } = latest.current
      const parts: string[] = []
      if (completed > announced.completed) {
        const count = completed - announced.completed
        parts.push(translate('board.announce.completed', { count, completed, total }))
      }
      if (failed > announced.failed) {
        parts.push(translate('board.announce.failed', { count: failed - announced.failed }))
      }
      setAnnounced({ completed, failed })
      if (parts.length > 0) setMessage(parts.join(' '))
    }, delayMs)
    return () => clearTimeout(timer)
  }, [pending, announced, delayMs, translate])

  return (
    <div aria-live="polite" aria-atomic="true" data-kvid-announcer="" style={visuallyHidden}>
      {message}
    </div>
  )
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const
