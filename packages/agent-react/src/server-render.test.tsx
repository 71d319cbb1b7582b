// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import { KvidAgentProvider } from './kvid-agent-provider'
import { DEMO, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useResumeCheck } from './use-resume-check'
import { useRunProgress, useSceneIds } from './use-run-state'

const handle = setupSimulator()

function Editor() {
  const run = useAgentRun()
  const check = useResumeCheck()
  const progress = useRunProgress()
  const ids = useSceneIds()
  return (
    <p>
      {run.status} {progress.completed}/{progress.total} {ids.length} {String(check.data)}
    </p>
  )
}

it('renders on the server without throwing, touching storage or sending anything', async () => {
  expect(typeof window).toBe('undefined')
  const html = renderToString(
    <KvidAgentProvider baseUrl={handle.simulator.url} {...DEMO} projectId={1}>
      <Editor />
    </KvidAgentProvider>,
  )
  expect(html.replace(/<!-- -->/g, '')).toBe('<p>idle 0/0 0 undefined</p>')
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(handle.simulator.admin.requests().total).toBe(0)
  expect('window' in globalThis).toBe(false)
  expect('localStorage' in globalThis).toBe(false)
})
