import { useAgentRun } from '@kvidai/agent-react'
import { type FormEvent, useState } from 'react'

/** The instruction box: Run sends one request; Stop ends the stream (the job stays resumable). */
export function PromptForm() {
  const run = useAgentRun()
  const [message, setMessage] = useState('')

  function submit(event: FormEvent) {
    event.preventDefault()
    run.start({ message, composition: { tracks: [] } })
  }

  return (
    <form onSubmit={submit} className="prompt-form">
      <label htmlFor="instruction">Instruction</label>
      <textarea
        id="instruction"
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        placeholder="Make an explainer about volcanoes in 8 scenes"
      />
      {run.isRunning ? (
        <button type="button" onClick={() => run.stop()}>
          Stop
        </button>
      ) : (
        <button type="submit" disabled={message.trim() === ''}>
          Run
        </button>
      )}
      {run.error ? <p role="alert">{run.error.message}</p> : null}
    </form>
  )
}
