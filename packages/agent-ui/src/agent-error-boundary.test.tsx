import { storageKeyFor } from '@kvidai/agent-core'
import { useComposition } from '@kvidai/agent-react'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { AgentErrorBoundary } from './agent-error-boundary'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

/** An app panel with a bug that only a composition with scenes in it reaches. */
function PanelWithABug() {
  const composition = useComposition()
  const items = Object.keys((composition as { items?: object } | null)?.items ?? {}).length
  if (items > 0) throw new Error('this panel cannot show items')
  return <p>Timeline panel</p>
}

describe('AgentErrorBoundary', () => {
  it('keeps the page up, and a restored snapshot that crashes is discarded so the next reload renders', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const storage = createMemoryStorage()
    const key = storageKeyFor(1)
    // A long video that runs short of credit: its snapshot stays saved and resumable.
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <RunStatus />
      </>,
      simulator,
      { storage },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).not.toMatch(/Working|Sending/),
    )
    expect(storage.data.has(key)).toBe(true)
    cleanup()

    // A reload: the snapshot comes back, and the buggy panel throws on it.
    const onError = vi.fn()
    renderWithAgent(
      <>
        <SceneProgressBoard />
        <AgentErrorBoundary onError={onError}>
          <PanelWithABug />
        </AgentErrorBoundary>
      </>,
      simulator,
      { storage },
    )
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch('This panel could not be shown.')
    expect(alert.getAttribute('data-state')).toBe('error')
    expect(document.querySelectorAll('[data-kvid-scene][data-state="complete"]')).toHaveLength(3)
    expect(storage.data.has(key)).toBe(false)
    expect(onError).toHaveBeenCalledTimes(1)
    const [error, details] = onError.mock.calls[0] ?? []
    expect((error as Error).message).toBe('this panel cannot show items')
    expect(details.discarded?.jobId).toBe(simulator.admin.jobs()[0]?.jobId)

    // The run itself is left alone: the state stays for the other panels, so Reset shows
    // the fallback again until the state changes.
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }))
    expect(await screen.findByRole('alert')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(storage.data.has(key)).toBe(false)
    cleanup()

    // The next reload renders: nothing crashing was kept.
    renderWithAgent(
      <AgentErrorBoundary>
        <PanelWithABug />
      </AgentErrorBoundary>,
      simulator,
      { storage },
    )
    expect(await screen.findByText('Timeline panel')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('takes a fallback of your own, with reset', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    function Thrower(): never {
      throw new Error('boom')
    }
    renderWithAgent(
      <AgentErrorBoundary
        fallback={({ error, reset }) => (
          <button type="button" onClick={reset}>
            {(error as Error).message}: again
          </button>
        )}
      >
        <Thrower />
      </AgentErrorBoundary>,
      simulator,
    )
    expect(screen.getByRole('button', { name: 'boom: again' })).toBeTruthy()
  })
})
