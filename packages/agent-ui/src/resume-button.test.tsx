import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AgentErrorNotice } from './agent-error-notice'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { es } from './locales/es'
import { ko } from './locales/ko'
import { ResumeButton } from './resume-button'
import {
  expectAccessible,
  postsTo,
  renderWithAgent,
  StartButton,
  setupSimulator,
} from './test-utils'

const simulator = setupSimulator()

async function leaveFiveScenes() {
  simulator.admin.setUser('demo@example.com', { credits: 35 })
  await userEvent.click(screen.getByRole('button', { name: 'Start' }))
}

describe('ResumeButton', () => {
  it('is hidden with nothing to resume, then offers the remaining scenes and resumes them', async () => {
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about owls in 8 scenes" />
        <ResumeButton />
      </>,
      simulator,
    )
    await waitFor(() => expect(postsTo(simulator)['GET /api/agent/check-resume']).toBe(1))
    expect(screen.queryByRole('button', { name: /Resume/ })).toBeNull()
    await leaveFiveScenes()
    const resume = await screen.findByRole('button', { name: '▶ Resume 5 scenes' })
    await expectAccessible(container)
    simulator.admin.setUser('demo@example.com', { addCredits: 100 })
    // The resume's first byte is held, so the busy state is seen however slow the machine.
    simulator.admin.setFaults({ delayMs: 2000 })
    await userEvent.click(resume)
    expect(resume.getAttribute('aria-busy')).toBe('true')
    expect(resume.textContent).toBe('Resuming…')
    await waitFor(() => expect(screen.queryByRole('button', { name: /Resume/ })).toBeNull())
    expect(postsTo(simulator)['POST /api/agent/resume']).toBe(1)
  })

  it('pluralises per locale', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 75 })
    const first = renderWithAgent(
      <StartButton message="An explainer about owls in 8 scenes" />,
      simulator,
      { locale: 'es', catalogs: { es } },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    first.unmount()
    const spanish = renderWithAgent(<ResumeButton />, simulator, {
      locale: 'es',
      catalogs: { es },
    })
    expect((await screen.findByRole('button')).textContent).toBe('▶ Reanudar 1 escena')
    spanish.unmount()
    renderWithAgent(<ResumeButton />, simulator, { locale: 'ko', catalogs: { ko } })
    expect((await screen.findByRole('button')).textContent).toBe('▶ 장면 1개 이어서 만들기')
  })

  it('surfaces a refusal on resume instead of failing silently', async () => {
    renderWithAgent(
      <>
        <StartButton message="An explainer about owls in 8 scenes" />
        <ResumeButton />
        <AgentErrorNotice />
        <CreditShortageDialog />
      </>,
      simulator,
    )
    await leaveFiveScenes()
    const resume = await screen.findByRole('button', { name: '▶ Resume 5 scenes' })
    // Closing the shortage dialog first: the next refusal must open it again.
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }))
    simulator.admin.setFaults({ reject: 'CONCURRENT_LIMIT' })
    await userEvent.click(resume)
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Another run is in progress — wait for it or resume/,
    )
    await userEvent.click(await screen.findByRole('button', { name: /Resume 5 scenes/ }))
    expect((await screen.findByRole('dialog')).dataset.trigger).toBe('refused')
  })
})
