import { type AgentRunState, createInitialRunState, type RunLogEntry } from '@kvidai/agent-core'
import { type AgentRecording, createRecorder } from '@kvidai/agent-core/recording'
import { scrubSecrets } from './scrub-secrets'

export interface ExportInput {
  projectId: number
  entries: readonly RunLogEntry[]
  /** The state before the first entry; kept in `meta.initialState` when the log began mid-run. */
  initial: AgentRunState
}

/**
 * A run's log as an `AgentRecording` (the format `createRecorder` makes: the events with
 * their timings, and the whole log), with every credential-like field scrubbed. The same
 * file replays through `createReplayFetch`.
 */
export function exportRecording({ projectId, entries, initial }: ExportInput): AgentRecording {
  let clock = 0
  const recorder = createRecorder(() => clock)
  for (const entry of entries) {
    clock = entry.at
    recorder.onAction(entry)
  }
  const fresh = JSON.stringify(initial) === JSON.stringify(createInitialRunState(initial.projectId))
  return scrubSecrets(
    recorder.toRecording({
      source: '@kvidai/agent-devtools',
      projectId,
      exportedAt: new Date().toISOString(),
      ...(!fresh && { initialState: initial }),
    }),
  )
}

/** Offers the recording as a JSON file download. */
export function downloadRecording(recording: AgentRecording, fileName: string) {
  const blob = new Blob([`${JSON.stringify(recording, null, 2)}\n`], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Reads a recording file; throws with a plain message when it is not one. */
export function parseRecording(text: string): AgentRecording {
  const value: unknown = JSON.parse(text)
  const recording = value as Partial<AgentRecording> | null
  if (recording?.version !== 1 || !Array.isArray(recording.events)) {
    throw new Error('This file is not an agent recording (version 1, with events).')
  }
  if (recording.log !== undefined && !Array.isArray(recording.log)) {
    throw new Error('This recording’s log is not a list of actions.')
  }
  return recording as AgentRecording
}
