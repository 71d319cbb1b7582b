import { selectProgress } from '@kvidai/agent-core'
import { useId, useState } from 'react'
import { createRecordingReplay, type RecordingReplay } from './create-recording-replay'
import { parseRecording } from './export-recording'
import { CompositionView, RunStateView } from './run-state-view'
import { scrubSecrets } from './scrub-secrets'
import { useStoreState } from './use-store-state'

/**
 * Imports a recording file and plays it into a sandboxed store (no network, nothing spent):
 * at 1× or 10× through the client and transport, or one recorded action at a time.
 */
export function ReplayTab() {
  const [replay, setReplay] = useState<{ name: string; replay: RecordingReplay } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()

  async function load(file: File | undefined) {
    if (!file) return
    try {
      const recording = scrubSecrets(parseRecording(await file.text()))
      replay?.replay.reset()
      setReplay({ name: file.name, replay: createRecordingReplay(recording) })
      setError(null)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }

  return (
    <div>
      <div data-part="toolbar">
        <label htmlFor={inputId}>Import a recording</label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void load(event.target.files?.[0])}
        />
      </div>
      {error && <p role="alert">{error}</p>}
      {replay ? (
        <ReplayControls key={replay.name} name={replay.name} replay={replay.replay} />
      ) : (
        <p data-part="muted">
          No recording loaded. Export one from the Timeline tab, or load one attached to a bug
          report: it replays here without a network and without spending credits.
        </p>
      )}
    </div>
  )
}

function ReplayControls({ name, replay }: { name: string; replay: RecordingReplay }) {
  const state = useStoreState(replay.store)
  const [playing, setPlaying] = useState<number | null>(null)
  const [stepped, setStepped] = useState(0)
  const progress = selectProgress(state)

  async function play(speed: number) {
    setPlaying(speed)
    setStepped(0)
    await replay.play(speed)
    setPlaying(null)
  }

  return (
    <section aria-label={`Replay of ${name}`} data-state={playing ? 'playing' : state.status}>
      <div data-part="toolbar">
        <button type="button" onClick={() => void play(1)}>
          Play 1×
        </button>
        <button type="button" onClick={() => void play(10)}>
          Play 10×
        </button>
        <button
          type="button"
          onClick={() => {
            if (replay.step()) setStepped(replay.stepped())
          }}
        >
          Step
        </button>
        <button
          type="button"
          onClick={() => {
            replay.reset()
            setPlaying(null)
            setStepped(0)
          }}
        >
          Reset
        </button>
        <span data-part="muted" aria-live="polite">
          {playing
            ? `Playing at ${playing}×…`
            : stepped > 0
              ? `Step ${stepped}`
              : `${replay.requests} request${replay.requests === 1 ? '' : 's'} recorded`}
        </span>
      </div>
      <p>
        Replayed run: {state.status}, {progress.completed}/{progress.total} scenes
      </p>
      <RunStateView state={state} />
      <h3>Replayed composition</h3>
      <CompositionView state={state} label="Replayed composition" />
    </section>
  )
}
