import type { RunLogEntry } from '../state/run-action'

/** One event as it arrived: its wire name, its data, and when (ms after recording began). */
export interface RecordedEvent {
  at: number
  name: string
  data: unknown
}

/**
 * A run's events with their timings, as JSON: for stories, tests and bug reports. With the
 * store's action log too, when recorded from one (`Recorder.onAction`): then
 * `rebuildRunState(recording.log)` is the state the run ended in.
 */
export interface AgentRecording {
  version: 1
  /** Free-form notes: what was asked, which server, which locale. */
  meta?: Record<string, unknown>
  events: RecordedEvent[]
  /** Every action of the run, in order, as JSON; lifecycle steps included. */
  log?: RunLogEntry[]
}

/** The SSE bytes of one recorded event, as the server writes them. */
export function encodeRecordedEvent(event: RecordedEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`
}
