import { storageKeyFor } from '@kvidai/agent-core'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { KvidAgentProvider } from './kvid-agent-provider'
import { DEMO, posts, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useRunProgress, useRunSummary, useScene, useSceneIds } from './use-run-state'

/**
 * What the hooks do with what they cannot trust: another account's snapshots on a shared
 * browser, and storage edited by hand (or by a script) between visits.
 */
const handle = setupSimulator()

function Editor() {
  const run = useAgentRun()
  const summary = useRunSummary()
  const progress = useRunProgress()
  const ids = useSceneIds()
  const first = useScene(ids[0] ?? '')
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          run.start({
            message: "Add a centered title 'Hello' for 3 seconds.",
            composition: { tracks: [] },
          })
        }
      >
        Run
      </button>
      <output data-testid="status">{run.status}</output>
      <output data-testid="scenes">
        {ids.join(',')}|{first?.status ?? ''}|{progress.completed}/{progress.total}
      </output>
      <output data-testid="message">{summary.result?.message ?? ''}</output>
    </div>
  )
}

function App({
  userId,
  storage,
}: {
  userId: string
  storage: ReturnType<typeof createMemoryStorage>
}) {
  return (
    <KvidAgentProvider
      baseUrl={handle.simulator.url}
      {...DEMO}
      projectId={1}
      storage={storage}
      userId={userId}
    >
      <Editor />
    </KvidAgentProvider>
  )
}

describe('a change of user', () => {
  it('starts afresh for the new user, and the first user’s run comes back for them', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    const view = render(<App userId="alice" storage={storage} />)
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    await waitFor(() => expect(storage.data.has('kvidai-agent-run:alice:1')).toBe(true))

    view.rerender(<App userId="bob" storage={storage} />)
    expect(screen.getByTestId('status').textContent).toBe('idle')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByTestId('status').textContent).toBe('idle')

    view.rerender(<App userId="alice" storage={storage} />)
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    expect([...storage.data.keys()]).toEqual(['kvidai-agent-run:alice:1'])
    expect(posts(simulator)).toBe(1)
  })
})

describe('a snapshot edited between visits', () => {
  it('is read like the wire: prototype-named scenes are scenes, odd shapes are mended', async () => {
    const storage = createMemoryStorage()
    storage.setItem(
      storageKeyFor(1, 'alice'),
      JSON.stringify({
        version: 1,
        status: 'done',
        jobId: 'job-1',
        projectId: 1,
        request: null,
        plan: { totalScenes: 2, estimatedMinutes: 1 },
        // As JSON text: in an object literal, `__proto__` would set the prototype instead.
        scenes: JSON.parse(
          '{"__proto__":{"sceneId":"__proto__","sceneIndex":0,"status":"complete","attempts":1},' +
            '"constructor":{"sceneId":"constructor","sceneIndex":1,"status":"complete","attempts":1}}',
        ),
        sceneOrder: ['__proto__', 'constructor'],
        composition: { tracks: [] },
        creditShortage: null,
        result: { message: 'Restored', messageKey: 'constructor', cost: { total: 5 } },
        success: true,
      }),
    )
    render(<App userId="alice" storage={storage} />)
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    expect(screen.getByTestId('scenes').textContent).toBe('__proto__,constructor|complete|2/2')
    expect(screen.getByTestId('message').textContent).toBe('Restored')
  })

  it('is refused when this version cannot show it, and nothing is sent', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    storage.setItem(
      storageKeyFor(1, 'alice'),
      JSON.stringify({ version: 1, status: 'exploded', scenes: {}, sceneOrder: ['ghost'] }),
    )
    render(<App userId="alice" storage={storage} />)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.getByTestId('status').textContent).toBe('idle')
    expect(posts(simulator)).toBe(0)
  })
})
