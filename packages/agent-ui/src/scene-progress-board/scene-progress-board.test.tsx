import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { es } from '../locales/es'
import { ko } from '../locales/ko'
import {
  expectAccessible,
  postsTo,
  renderWithAgent,
  StartButton,
  setupSimulator,
} from '../test-utils'
import { SceneProgressBoard } from './scene-progress-board'

const simulator = setupSimulator()

function cards(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLElement>('[data-kvid-scene]')]
}

describe('SceneProgressBoard', () => {
  it('shows a card per planned scene and a real progress bar until every scene is complete', async () => {
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 8 scenes" />
        <SceneProgressBoard />
      </>,
      simulator,
    )
    expect(screen.getByText('No scenes yet.')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(cards(container)).toHaveLength(8))
    await waitFor(() =>
      expect(cards(container).every((card) => card.dataset.state === 'complete')).toBe(true),
    )
    const bar = screen.getByRole('progressbar')
    expect(bar.getAttribute('aria-valuenow')).toBe('8')
    expect(bar.getAttribute('aria-valuemax')).toBe('8')
    expect(bar.getAttribute('aria-valuetext')).toBe('8 of 8 scenes')
    expect(cards(container).map((card) => card.dataset.kvidScene)).toEqual(
      Array.from({ length: 8 }, (_, index) => `scene-${index + 1}`),
    )
    await expectAccessible(container)
  })

  it('marks a failed scene with its error and retries it with one request', async () => {
    simulator.admin.setFaults({ failScenes: [1] })
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 3 scenes" />
        <SceneProgressBoard />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const retry = await screen.findByRole('button', { name: 'Retry scene 2' })
    await waitFor(() => expect((retry as HTMLButtonElement).disabled).toBe(false))
    const failed = container.querySelector<HTMLElement>(
      '[data-kvid-scene="scene-2"]',
    ) as HTMLElement
    expect(failed.dataset.state).toBe('failed')
    expect(within(failed).getByText(/timed out/)).toBeTruthy()
    expect(screen.getByText(/1 failed/)).toBeTruthy()
    await expectAccessible(container)

    await userEvent.dblClick(retry)
    await waitFor(() => expect(failed.dataset.state).toBe('complete'))
    expect(postsTo(simulator)['POST /api/agent/retry-scene']).toBe(1)
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull()
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('3 of 3 scenes')
  })

  it('badges a scene whose narration failed', async () => {
    simulator.admin.setFaults({ failVoices: [0] })
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 2 scenes" />
        <SceneProgressBoard />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(container.querySelector('[data-voice-error]')).not.toBeNull())
    const card = container.querySelector<HTMLElement>('[data-voice-error]') as HTMLElement
    expect(card.dataset.kvidScene).toBe('scene-1')
    expect(within(card).getByText('No narration').getAttribute('title')).toMatch(/Narration/)
  })

  it('announces completions politely, gathered rather than one per event', async () => {
    renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 6 scenes" />
        <SceneProgressBoard.Root>
          <SceneProgressBoard.Summary />
          <SceneProgressBoard.List />
          <SceneProgressBoard.Announcer delayMs={2000} />
        </SceneProgressBoard.Root>
      </>,
      simulator,
    )
    const region = document.querySelector('[data-kvid-announcer]') as HTMLElement
    expect(region.getAttribute('aria-live')).toBe('polite')
    const seen: string[] = []
    const observer = new MutationObserver(() => seen.push(region.textContent ?? ''))
    observer.observe(region, { childList: true, characterData: true, subtree: true })
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(region.textContent).toMatch(/6 of 6\.$/))
    observer.disconnect()
    expect(seen.length).toBeLessThan(6)
    expect(region.textContent).toMatch(/more scenes are done/)
  })

  it('speaks Korean and Spanish', async () => {
    simulator.admin.setFaults({ failScenes: [0] })
    const korean = renderWithAgent(
      <>
        <StartButton message="An explainer about bees in 2 scenes" />
        <SceneProgressBoard />
      </>,
      simulator,
      { locale: 'ko', catalogs: { ko } },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
        '2개 장면 중 1개',
      ),
    )
    expect(screen.getByRole('button', { name: /1/ }).textContent).not.toBe('Retry')
    korean.unmount()
    renderWithAgent(<SceneProgressBoard />, simulator, { locale: 'es', catalogs: { es } })
    expect(screen.getByRole('region').getAttribute('aria-label')).not.toBe('Scene progress')
  })
})
