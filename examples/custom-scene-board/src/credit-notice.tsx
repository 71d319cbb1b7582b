import { useCreditShortage } from '@kvidai/agent-react'

/**
 * What to tell the user when credits run out mid-run (or a start is refused for them):
 * the figures, and the one action that moves on — Resume, or Try again for a refused start.
 */
export function CreditNotice() {
  const shortage = useCreditShortage()
  if (!shortage.open) return null
  const { completedScenes, totalScenes, neededCredits } = shortage.figures
  return (
    <section role="alert" aria-label="Not enough credits" className="credit-notice">
      <p>
        {shortage.trigger === 'refused'
          ? 'There are not enough credits to start this video.'
          : `Credits ran out after ${completedScenes} of ${totalScenes} scenes.`}
        {neededCredits === null ? '' : ` About ${neededCredits} more credits finish it.`}
      </p>
      <button type="button" onClick={() => shortage.proceed()} disabled={shortage.busy}>
        {shortage.action === 'try-again' ? 'Try again' : 'Resume'}
      </button>
      <button type="button" onClick={shortage.dismiss}>
        Not now
      </button>
    </section>
  )
}
