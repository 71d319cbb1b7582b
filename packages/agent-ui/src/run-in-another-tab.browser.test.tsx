import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { RunStatus } from './run-status'
import { StopButton } from './stop-button'
import { expectAccessible, postsTo, StartButton, setupSimulator, withAgent } from './test-utils'

const simulator = setupSimulator({ sceneMs: 200 })

let users = 0

/** Two "tabs" of one user on one page: two providers linked through the browser's own Web Locks and BroadcastChannel. */
function renderTwoTabs() {
  // A user of its own: other test files run on this origin at the same time.
  const userId = `tabs-${Date.now()}-${++users}`
  const Tab = withAgent(simulator, { crossTab: true, userId })
  return render(
    <>
      <section aria-label="Tab A">
        <Tab>
          <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
          <RunStatus />
        </Tab>
      </section>
      <section aria-label="Tab B">
        <Tab>
          <RunStatus />
          <StopButton />
        </Tab>
      </section>
    </>,
  )
}

describe('a run in another tab (real Web Locks and BroadcastChannel)', () => {
  it('says so in the mirroring tab, passes its Stop to the owner, and sends one request', async () => {
    // The stream goes quiet after a few events, so the run is still live when Stop is clicked.
    simulator.admin.setFaults({ stallAfterEvents: 8 })
    const { container } = renderTwoTabs()
    const a = within(screen.getByRole('region', { name: 'Tab A' }))
    const b = within(screen.getByRole('region', { name: 'Tab B' }))
    await userEvent.click(a.getByRole('button', { name: 'Start' }))
    const note = await b.findByText(/^Running in another tab/)
    expect(note.hasAttribute('data-kvid-run-elsewhere')).toBe(true)
    expect(a.queryByText(/^Running in another tab/)).toBeNull()
    await expectAccessible(container)
    await userEvent.click(b.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(a.getByRole('status').textContent).toBe('Stopped'))
    await waitFor(() => expect(b.getByRole('status').textContent).toBe('Stopped'))
    expect(b.queryByText(/^Running in another tab/)).toBeNull()
    expect(postsTo(simulator)['POST /api/agent']).toBe(1)
  })
})
