import { paidRequests } from '@kvidai/agent-sim/testing'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { es } from './locales/es'
import { ResumeButton } from './resume-button'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { StopButton } from './stop-button'
import { expectAccessible, renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

function completeScenes() {
  return document.querySelectorAll('[data-kvid-scene][data-state="complete"]').length
}

describe('StopButton', () => {
  it('shows only while a run streams; Stop ends it, then "Resume N scenes" finishes the video', async () => {
    // The job holds after two scenes, so Stop lands mid-render however busy the machine.
    simulator.admin.setFaults({ stallAfterEvents: 11 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <StopButton />
        <RunStatus />
        <ResumeButton />
        <SceneProgressBoard />
      </>,
      simulator,
    )
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const stop = await screen.findByRole('button', { name: 'Stop' })
    await waitFor(() => expect(completeScenes()).toBeGreaterThanOrEqual(2))
    await expectAccessible(container)
    await userEvent.click(stop)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Stopped'))
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
    const done = completeScenes()
    expect(done).toBeLessThan(8)

    const resume = await screen.findByRole(
      'button',
      { name: /^▶ Resume \d+ scenes?$/ },
      { timeout: 10_000 },
    )
    await waitFor(() => expect((resume as HTMLButtonElement).disabled).toBe(false))
    await userEvent.click(resume)
    await waitFor(
      () =>
        expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
          '8 of 8 scenes',
        ),
      { timeout: 10_000 },
    )
    expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 1 })
    const [job] = simulator.admin.jobs()
    expect(job?.scenes.every((scene) => scene.generations <= 1)).toBe(true)
    expect(job?.scenes.filter((scene) => scene.generations === 1)).toHaveLength(8)
  })

  it('a quiet stream shows as stalled, politely, with Stop beside it', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 3 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <RunStatus />
      </>,
      simulator,
      { stallAfterMs: 200 },
    )
    const region = document.querySelector('[data-kvid-run-stalled]') as HTMLElement
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.dataset.state).toBe('live')
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(region.dataset.state).toBe('stalled'), { timeout: 10_000 })
    // Quiet past the provider's 200 ms, which RunStatus reads without being told: counted
    // from the stall plus those 200 ms, so a second (the default 60 s would say "1 min").
    expect(region.textContent).toMatch(/^No news from the agent for 1 sec — still waiting\./)
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Stopped'))
    expect(region.dataset.state).toBe('live')
    expect(paidRequests(simulator).run).toBe(1)
  })

  it('says for how long the stream has been quiet, from the stall and the silence before it', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 3 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <RunStatus stallAfterMs={90_000} />
      </>,
      simulator,
      { stallAfterMs: 200, locale: 'es', catalogs: { es } },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const region = document.querySelector('[data-kvid-run-stalled]') as HTMLElement
    await waitFor(() => expect(region.dataset.state).toBe('stalled'), { timeout: 10_000 })
    // RunStatus was told the stall comes after 90 s: quiet for at least a minute and a half.
    expect(region.textContent).toContain('El agente no da noticias desde hace 1 min')
    await expectAccessible(container)
    await userEvent.click(screen.getByRole('button', { name: 'Detener' }))
  })
})
