import { useEffect, useState } from 'react'
import { formatDuration } from './i18n/format-duration'
import { statusMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
import { StopButton } from './stop-button'

interface StalledNoticeProps {
  projectId: number | undefined
  /** The silence after which the stream counts as stalled. */
  stallAfterMs: number
}

/**
 * How long until the duration shown moves on: every 10 s under a minute, then every minute,
 * so the polite live region is not read out every second.
 */
function nextChangeIn(quietMs: number) {
  const step = quietMs < 60_000 ? 10_000 : 60_000
  return step - (quietMs % step)
}

/**
 * "No news from the agent for 2 min — still waiting." and a Stop button. The state says
 * only that the stream is stalled, not since when, so the quiet is counted from when this
 * notice first saw the stall, plus the silence it took to become one.
 */
export function StalledNotice({ projectId, stallAfterMs }: StalledNoticeProps) {
  const translate = useMessages(statusMessages)
  const [since] = useState(() => Date.now() - stallAfterMs)
  const [now, setNow] = useState(() => Date.now())
  const quietMs = now - since
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), nextChangeIn(quietMs))
    return () => clearTimeout(timer)
  }, [quietMs])
  return (
    <p>
      {translate('status.stalled', { duration: formatDuration(translate.locale, quietMs) })}{' '}
      <StopButton projectId={projectId} />
    </p>
  )
}
