import { useAgentRun, useResumeCheck } from '@kvidai/agent-react'

/** Shows when the server holds an unfinished job for this project, after a reload too. */
export function ResumeBanner() {
  const resumable = useResumeCheck()
  const run = useAgentRun()
  if (!resumable.data || run.isRunning) return null
  const { remainingScenes, totalScenes } = resumable.data
  return (
    <aside aria-label="Unfinished video" className="resume-banner">
      <p>
        {remainingScenes} of {totalScenes} scenes are left.
      </p>
      <button type="button" onClick={() => run.resume()}>
        Resume
      </button>
    </aside>
  )
}
