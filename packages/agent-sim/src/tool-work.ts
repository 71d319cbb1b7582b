import { sleep } from './ledger'
import type { RunContext } from './run-context'

/**
 * Waits while one tool call works; says whether it ran to the end (false when the run
 * was cut short). Under silent tools the call takes `silentToolMs` and nothing at all
 * goes on the wire meanwhile, keep-alives included.
 */
export function workOnTool(context: RunContext, ms: number): Promise<boolean> {
  const { options, stream, signal } = context
  if (!options.wire.silentTools) return sleep(ms, signal)
  return stream.quietly(() => sleep(options.silentToolMs, signal))
}
