import { useAgentRun } from '@kvidai/agent-react'

/** Where the page's proxy is mounted; the simulator stands behind it in the page. */
export const BASE_URL = 'https://app.test/api/kvid'

/** "Start" starts a run with `message`; "Resume" resumes the run's job. */
export function RunButtons({ message }: { message: string }) {
  const run = useAgentRun()
  return (
    <>
      <button type="button" onClick={() => run.start({ message, composition: { tracks: [] } })}>
        Start
      </button>
      <button type="button" onClick={() => run.resume()}>
        Resume
      </button>
    </>
  )
}
