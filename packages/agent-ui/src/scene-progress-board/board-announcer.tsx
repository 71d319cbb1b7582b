import { selectProgress, useAgentStore } from '@kvidai/agent-react'
import { useEffect, useRef, useState } from 'react'
import { boardMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { useBoardContext } from './board-context'

export interface BoardAnnouncerProps {
  /** How long completions are gathered into one announcement, in ms. Default 1,500. */
  delayMs?: number
}

/**
 * A polite live region that tells screen readers how the board moves on: completions and
 * failures are gathered and read out together, not once per event. It listens to the
 * store outside rendering, so it renders only when it has something to say.
 */
export function BoardAnnouncer({ delayMs = 1500 }: BoardAnnouncerProps) {
  const { projectId } = useBoardContext('Announcer')
  const translate = useMessages(boardMessages)
  const store = useAgentStore(projectId)
  const [message, setMessage] = useState('')
  // The latest wording, read when a batch is announced: a locale change must not drop it.
  const translateRef = useRef(translate)
  useEffect(() => {
    translateRef.current = translate
  })

  useEffect(() => {
    let announced = selectProgress(store.getState())
    let timer: ReturnType<typeof setTimeout> | undefined
    function announce() {
      timer = undefined
      const translate = translateRef.current
      const { completed, failed, total } = selectProgress(store.getState())
      const parts: string[] = []
      if (completed > announced.completed) {
        const count = completed - announced.completed
        parts.push(translate('board.announce.completed', { count, completed, total }))
      }
      if (failed > announced.failed) {
        parts.push(translate('board.announce.failed', { count: failed - announced.failed }))
      }
      announced = { ...announced, completed, failed }
      if (parts.length > 0) setMessage(parts.join(' '))
    }
    const unsubscribe = store.subscribe((state) => {
      // One timer per batch: later changes join it rather than pushing it back.
      if (timer !== undefined) return
      const { completed, failed } = selectProgress(state)
      if (completed !== announced.completed || failed !== announced.failed) {
        timer = setTimeout(announce, delayMs)
      }
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [store, delayMs])

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
