import { useAgentSelector, useRunInAnotherTab, useStallAfterMs } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { doneMessage } from './i18n/done-message'
import { formatDuration } from './i18n/format-duration'
import { creditUnitMessages, statusMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
import { StalledNotice } from './stalled-notice'
import { useTimeLeft } from './use-time-left'

const roundToMinute = (milliseconds: number) => Math.round(milliseconds / 60_000) * 60_000

/** Its own English and the credit amount, declared once so translations stay stable. */
const messages = { ...statusMessages, ...creditUnitMessages }

export interface RunStatusProps extends ComponentPropsWithoutRef<'div'> {
  projectId?: number
  /**
   * The silence after which the stream counts as stalled, to say for how long it has been
   * quiet. Default: the provider's `stallAfterMs` (60 s unless set there).
   */
  stallAfterMs?: number
}

/**
 * The run's status and final message — re-translated from its key when the locale
 * changes — and, when the agent reports it, what the run cost by tool. When the stream
 * has been quiet past `stallAfterMs` (`stalled`), it says for how long, politely, with a
 * Stop button.
 */
export const RunStatus = forwardRef<HTMLDivElement, RunStatusProps>(function RunStatus(
  { projectId, stallAfterMs: stallAfterMsProp, ...props },
  ref,
) {
  const providerStallAfterMs = useStallAfterMs()
  const stallAfterMs = stallAfterMsProp ?? providerStallAfterMs
  const translate = useMessages(messages)
  const status = useAgentSelector((state) => state.status, { projectId })
  const stalled = useAgentSelector((state) => state.stalled, { projectId })
  const result = useAgentSelector((state) => state.result, { projectId })
  const timeLeft = useTimeLeft(projectId)
  const elsewhere = useRunInAnotherTab({ projectId })
  const cost = result?.cost
  const tokens = result?.tokenUsage
  // The stream's reader (and a restored snapshot's) made these numbers: trusted here.
  const breakdown = Object.entries(cost?.breakdown ?? {})
  return (
    <div data-kvid-run-status="" data-state={status} ref={ref} {...props}>
      <p role="status" data-kvid-run-status-text="">
        {translate(`status.${status}`)}
      </p>
      {elsewhere && <p data-kvid-run-elsewhere="">{translate('status.elsewhere')}</p>}
      <div aria-live="polite" data-kvid-run-stalled="" data-state={stalled ? 'stalled' : 'live'}>
        {stalled && <StalledNotice projectId={projectId} stallAfterMs={stallAfterMs} />}
      </div>
      {result && <p data-kvid-run-message="">{doneMessage(translate, result)}</p>}
      {timeLeft && (
        <p data-kvid-run-estimate="" data-state={timeLeft.basis}>
          {timeLeft.remainingMs < 60_000
            ? translate('status.underAMinute')
            : translate('status.timeLeft', {
                duration: formatDuration(translate.locale, roundToMinute(timeLeft.remainingMs)),
              })}
        </p>
      )}
      {tokens && (
        <p data-kvid-run-tokens="">
          {translate('status.tokens', {
            input: tokens.inputTokens,
            output: tokens.outputTokens,
          })}
        </p>
      )}
      {cost && cost.total > 0 && (
        <details data-kvid-run-cost="">
          <summary>
            {translate('status.cost')}: {translate('status.costTotal', { credits: cost.total })}
          </summary>
          <dl>
            {breakdown.map(([tool, credits]) => (
              <div key={tool}>
                <dt>{tool}</dt>
                <dd>{translate('credit.unit', { credits })}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  )
})
