import { AgentValidationError } from '../errors/agent-errors'
import type { StreamTiming } from './stream-agent-events'
import { MAX_DELAY_MS } from './watch-silence'

function checkDelay(field: string, value: number | undefined, whenLeftOut: string) {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > MAX_DELAY_MS) {
    throw new AgentValidationError({
      field,
      fix: `use a number of milliseconds from 1 to ${MAX_DELAY_MS} (about 24.8 days), or leave it out ${whenLeftOut}.`,
    })
  }
}

/** Checks the stream's timing and size options; throws `AgentValidationError` naming the fix. */
export function validateStreamTiming(timing: StreamTiming): void {
  checkDelay('idleTimeoutMs', timing.idleTimeoutMs, 'to never close on silence')
  checkDelay('stallAfterMs', timing.stallAfterMs, 'for the default of 60 s')
  const { maxEventBytes } = timing
  if (maxEventBytes !== undefined && !(Number.isSafeInteger(maxEventBytes) && maxEventBytes > 0)) {
    throw new AgentValidationError({
      field: 'maxEventBytes',
      fix: 'use a whole number of bytes above 0, or leave it out for the default of 64 MiB.',
    })
  }
}
