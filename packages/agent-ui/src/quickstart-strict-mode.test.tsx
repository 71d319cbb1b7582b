import { KvidAgentProvider } from '@kvidai/agent-react'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import * as Kvid from './index'
import { BASE_URL, proxyFetch, renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

type Storage = ReturnType<typeof createMemoryStorage>

/** The README's quickstart page, as a development build renders it: inside StrictMode. */
function QuickstartPage({ storage }: { storage: Storage }) {
  return (
    <StrictMode>
      <KvidAgentProvider
        baseUrl={BASE_URL}
        fetch={proxyFetch(simulator)}
        projectId={1}
        userId="demo-user"
        storage={storage}
      >
        <main>
          <h1>Video editor</h1>
          <Kvid.AgentPrompt />
          <Kvid.RunStatus />
          <Kvid.AgentErrorNotice />
          <Kvid.ResumeButton />
          <Kvid.SceneProgressBoard />
          <Kvid.CompositionTimeline />
          <Kvid.CreditShortageDialog />
        </main>
      </KvidAgentProvider>
    </StrictMode>
  )
}

const checks = () => simulator.admin.requests().byRoute['GET /api/agent/check-resume'] ?? 0
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

describe('the quickstart page under StrictMode', () => {
  it('asks check-resume once when nothing was saved', async () => {
    render(<QuickstartPage storage={createMemoryStorage()} />)
    await waitFor(() => expect(checks()).toBeGreaterThan(0))
    await settle()
    expect(checks()).toBe(1)
    expect(screen.queryByRole('button', { name: /^Resume/ })).toBeNull()
  })

  it('asks check-resume once when a saved run was left unfinished', async () => {
    // A long video whose stream goes quiet after three finished scenes; the page goes away
    // mid-run (a reload), so the job is left resumable and its snapshot stays saved.
    const storage = createMemoryStorage()
    simulator.admin.setFaults({ stallAfterEvents: 15 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <Kvid.SceneProgressBoard />
      </>,
      simulator,
      { storage, userId: 'demo-user' },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('3 of 8 scenes'),
    )
    cleanup()
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    expect(storage.data.size).toBe(1)
    simulator.admin.setFaults({})
    const before = checks()

    const { container } = render(<QuickstartPage storage={storage} />)
    // The board comes back from the snapshot, and the server's answer offers the rest.
    await waitFor(() =>
      expect(container.querySelectorAll('[data-kvid-scene][data-state="complete"]')).toHaveLength(
        3,
      ),
    )
    await screen.findByRole('button', { name: /Resume 5 scenes/ })
    await settle()
    expect(checks() - before).toBe(1)
  })
})
