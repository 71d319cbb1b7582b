import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-protocol'
import type { AgentRecording, RecordedEvent } from './recording'

export interface Recorder {
  /** Pass as (or call from) a run's `onEvent`. */
  onEvent(event: AgentEvent | UnknownAgentEvent): void
  toRecording(meta?: Record<string, unknown>): AgentRecording
}

/** Taps a run's events with their timings; the clock starts at the first event. */
export function createRecorder(now: () => number = () => Date.now()): Recorder {
  const events: RecordedEvent[] = []
  let start: number | undefined
  return {
    onEvent(event) {
      const time = now()
      start ??= time
      const name = event.type === 'unknown' ? event.name : event.type
      events.push({ at: time - start, name, data: event.data })
    },
    toRecording: (meta) => ({ version: 1, ...(meta && { meta }), events: [...events] }),
  }
}
