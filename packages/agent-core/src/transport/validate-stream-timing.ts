import { AgentValidationError } from '../errors/agent-errors'
import type { StreamTiming } from './stream-agent-events'
import { MAX_DELAY_MS } from './watch-silence'

const LIMITS = {
  idleTimeoutMs: [MAX_DELAY_MS, 'milliseconds', 'never to close on silence'],
  stallAfterMs: [MAX_DELAY_MS, 'milliseconds', 'for 60 s'],
  maxEventBytes: [Number.MAX_SAFE_INTEGER, 'bytes', 'for 64 MiB'],
} as const

/** Checks the stream's timing and size options; throws `AgentValidationError` naming the fix. */
export function validateStreamTiming(timing: StreamTiming): void {
  for (const field in LIMITS) {
    const value = timing[field as keyof StreamTiming]
    const [max, unit, otherwise] = LIMITS[field as keyof StreamTiming]
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1 && value <= max)) {
      throw new AgentValidationError({
        field,
        fix: `use whole ${unit} from 1 to ${max}, or leave it out ${otherwise}.`,
      })
    }
  }
}
