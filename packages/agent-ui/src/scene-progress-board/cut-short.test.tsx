import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ko } from '../locales/ko'
import { RunStatus } from '../run-status'
import { StopButton } from '../stop-button'
import { expectAccessible, renderWithAgent, StartButton, setupSimulator } from '../test-utils'
import { SceneProgressBoard } from './scene-progress-board'

const simulator = setupSimulator()

function waiting(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('[data-kvid-scene][data-state="pending"]')]
}

function statusText(card: HTMLElement) {
  return card.querySelector('[data-kvid-scene-status]')?.textContent
}

// A board after a cut-short run tells the truth: scenes that never started will not start
// by waiting, and an empty board with a job to resume is not "No scenes yet.".
describe('SceneProgressBoard after a run was cut short', () => {
  it('says "Interrupted" on the scenes an interrupted run left waiting', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 8 scenes" />
        <SceneProgressBoard />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Interrupted — you can resume'),
    )
    expect(waiting(container).length).toBeGreaterThan(0)
    expect(waiting(container).map(statusText)).toEqual(waiting(container).map(() => 'Interrupted'))
    expect(container.textContent).not.toContain('Waiting')
    await expectAccessible(container)
  })

  it('says "Stopped" on the scenes a stopped run left waiting, in the locale', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 6 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 8 scenes" />
        <StopButton />
        <SceneProgressBoard />
        <RunStatus />
      </>,
      simulator,
      { locale: 'ko', catalogs: { ko } },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(waiting(container).length).toBeGreaterThan(0))
    expect(statusText(waiting(container)[0] as HTMLElement)).toBe('대기 중')
    await userEvent.click(await screen.findByRole('button', { name: '중지' }))
    await waitFor(() => expect(statusText(waiting(container)[0] as HTMLElement)).toBe('멈춤'))
    expect(waiting(container).every((card) => statusText(card) === '멈춤')).toBe(true)
    await expectAccessible(container)
  })

  it('an empty board says how many scenes the last run left, when there is a job to resume', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    const first = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 8 scenes" />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    first.unmount()

    // A reload whose saved board is gone: a new provider, nothing in storage.
    const { container } = renderWithAgent(<SceneProgressBoard />, simulator)
    await waitFor(() =>
      expect(container.querySelector('[data-kvid-board-count]')?.textContent).toBe(
        'The last run left 5 scenes unfinished.',
      ),
    )
    expect(screen.queryByText('No scenes yet.')).toBeNull()
    await expectAccessible(container)
  })
})
