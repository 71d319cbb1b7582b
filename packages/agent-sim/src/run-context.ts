import type { Locale } from '@kvidai/agent-protocol'
import type { EventStream } from './event-stream'
import type { Ledger } from './ledger'
import type { ResolvedOptions, SimulatorUser } from './options'
import type { ActiveRun, SimulatorState } from './state'
import type { Template } from './templates'

/** Everything one streaming run works with. */
export interface RunContext {
  state: SimulatorState
  options: ResolvedOptions
  stream: EventStream
  user: SimulatorUser
  locale: Locale
  template: Template
  ledger: Ledger
  active: ActiveRun
  /** Aborted when the client goes away, the stream is cut or the run is reaped. */
  signal: AbortSignal
  nextToolUseId(): string
}

/** Marks the run as alive for zombie detection. */
export function progressed(context: RunContext) {
  context.active.lastProgressAt = Date.now()
}
