import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { isAgentEvent, type RunLogEntry } from '../state/run-action'
import type { AgentRecording, RecordedEvent } from './recording'

export interface Recorder {
  /** Records one event; pass as (or call from) a run's `onEvent`. */
  onEvent(event: AgentEvent | UnknownAgentEvent): void
  /**
   * Records one action of a store's log (`store.subscribeActions(recorder.onAction)`): the
   * action into the recording's `log`, and an event also into its `events`.
   */
  onAction(entry: RunLogEntry): void
  toRecording(meta?: Record<string, unknown>): AgentRecording
}

/** Taps a run's events, or its whole action log, with their timings; the clock starts at the first. */
export function createRecorder(now: () => number = () => Date.now()): Recorder {
  const events: RecordedEvent[] = []
  const log: RunLogEntry[] = []
  let start: number | undefined
  function onEvent(event: AgentEvent | UnknownAgentEvent) {
    const time = now()
    start ??= time
    const name = event.type === 'unknown' ? event.name : event.type
    events.push({ at: time - start, name, data: event.data })
  }
  return {
    onEvent,
    onAction(entry) {
      log.push(entry)
      if (isAgentEvent(entry.action)) onEvent(entry.action)
    },
    toRecording: (meta) => ({
      version: 1,
      ...(meta && { meta }),
      events: [...events],
      ...(log.length > 0 && { log: JSON.parse(JSON.stringify(log)) }),
    }),
  }
}
