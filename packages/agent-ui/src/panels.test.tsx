import { AGENT_REJECT_CODES } from '@kvidai/agent-core'
import { KvidAgentProvider, useAgentRun } from '@kvidai/agent-react'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { AgentErrorNotice } from './agent-error-notice'
import { CompositionTimeline } from './composition-timeline'
import { KvidMessagesProvider } from './i18n/messages-provider'
import { es } from './locales/es'
import { ko } from './locales/ko'
import { RunStatus } from './run-status'
import { TemplateWarnings } from './template-warnings'
import {
  BASE_URL,
  expectAccessible,
  proxyFetch,
  renderWithAgent,
  StartButton,
  setupSimulator,
} from './test-utils'
import { ToolActivity } from './tool-activity'

const simulator = setupSimulator()

describe('RunStatus', () => {
  it('shows status, the final message re-translated when the locale changes, and the cost by tool', async () => {
    const fetch = proxyFetch(simulator)
    function Page() {
      const [locale, setLocale] = useState<'en' | 'ko' | 'es'>('en')
      return (
        <KvidAgentProvider
          baseUrl={BASE_URL}
          fetch={fetch}
          projectId={1}
          storage={null}
          crossTab={false}
          locale={locale}
        >
          <KvidMessagesProvider catalogs={{ es }}>
            <button type="button" onClick={() => setLocale('es')}>
              Español
            </button>
            <StartButton message="An explainer about tea in 2 scenes" />
            <RunStatus />
          </KvidMessagesProvider>
        </KvidAgentProvider>
      )
    }
    const { container } = render(<Page />)
    expect(screen.getByRole('status').textContent).toBe('Ready')
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(screen.getByText('Your 2-scene video is ready.')).toBeTruthy()
    expect(screen.getByText(/Credits used: 25 credits in total/)).toBeTruthy()
    expect(screen.getByText('generate_image_standard').nextElementSibling?.textContent).toBe(
      '12 credits',
    )
    await expectAccessible(container)
    await userEvent.click(screen.getByRole('button', { name: 'Español' }))
    expect(screen.getByText('Tu video de 2 escenas está listo.')).toBeTruthy()
    expect(screen.getByRole('status').textContent).not.toBe('Finished')
  })
})

describe('RunStatus figures', () => {
  it('shows the time left from the plan’s estimate while rendering', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 11 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const estimate = await screen.findByText(/^About \d+ min left$/)
    expect(estimate.hasAttribute('data-kvid-run-estimate')).toBe(true)
    expect(estimate.getAttribute('data-state')).toBe('plan')
  })

  it('follows the pace of finished scenes, and never says less than under a minute', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 20 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    // Scenes of 10 ms: once the first wave is through, the pace says far less than a minute.
    const estimate = await screen.findByText('Under a minute left')
    expect(estimate.getAttribute('data-state')).toBe('pace')
    await expectAccessible(container)
  })

  it('shows the tokens a finished run used', async () => {
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 3 scenes." />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(document.querySelector('[data-kvid-run-tokens]')?.textContent).toMatch(
      /^[\d,]+ input and [\d,]+ output tokens$/,
    )
    expect(document.querySelector('[data-kvid-run-estimate]')).toBeNull()
  })
})

describe('ToolActivity and TemplateWarnings', () => {
  it('list tool calls with outcomes and template warnings, rendering server text as inert text', async () => {
    const hostile = '<img src=x onerror="window.__kvidXss=1">'
    const { container } = renderWithAgent(
      <>
        <StartButton message={`Add a title '${hostile}'`} templateId={hostile} />
        <ToolActivity />
        <TemplateWarnings />
        <RunStatus />
      </>,
      simulator,
    )
    expect(screen.getByText('No tools used yet.')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(container.querySelector('[data-kvid-tool][data-state="success"]')).not.toBeNull(),
    )
    expect(container.querySelector('[data-kvid-tool]')?.textContent).toMatch(/add_text_overlay/)
    const warning = await screen.findByText(/was not found; using system_default/)
    expect(warning.textContent).toContain(hostile)
    await waitFor(() => expect(screen.getByText(/Added the text/).textContent).toContain(hostile))
    expect(container.querySelector('img')).toBeNull()
    expect((window as { __kvidXss?: number }).__kvidXss).toBeUndefined()
    await expectAccessible(container)
  })
})

describe('AgentErrorNotice', () => {
  const expected: Record<string, RegExp> = {
    UNAUTHORIZED: /API key was not accepted/,
    CONCURRENT_LIMIT: /Another run is in progress — wait for it or resume/,
    INSUFFICIENT_CREDIT: /Not enough credits to start/,
    MISSING_PARAMETERS: /missing something: Missing required parameters: message/,
    ZOMBIE_TIMEOUT: /got stuck and was stopped/,
    FORBIDDEN: /may not change that project/,
    PROJECT_NOT_FOUND: /project no longer exists/,
    INTERNAL_ERROR: /problem on its side/,
    JOB_NOT_FOUND: /job no longer exists/,
    rate_limited: /Try again in 30 seconds/,
    invalid_input: /not accepted/,
  }

  it.each(AGENT_REJECT_CODES.map((code) => [code]))('explains %s and the fix', async (code) => {
    simulator.admin.setFaults({ reject: code })
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 2 scenes" />
        <AgentErrorNotice />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const alert = await screen.findByRole('alert')
    expect(alert.dataset.code).toBe(code)
    expect(alert.textContent).toMatch(expected[code] as RegExp)
    await expectAccessible(container)
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('raises no alarm when the stream carries something unreadable: the run goes on', async () => {
    simulator.admin.setFaults({ malformedAfterEvents: 8 })
    renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 4 scenes" />
        <RunStatus />
        <AgentErrorNotice />
        <CompositionTimeline />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(document.querySelector('[data-kvid-run-status]')?.getAttribute('data-state')).toBe(
        'done',
      ),
    )
    expect(screen.queryByRole('alert')).toBeNull()
    expect(document.querySelectorAll('[data-kvid-item][data-type="image"]').length).toBeGreaterThan(
      0,
    )
  })

  it('says a dropped connection kept the finished scenes', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 4 scenes" />
        <AgentErrorNotice />
      </>,
      simulator,
      { locale: 'ko', catalogs: { ko } },
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const alert = await screen.findByRole('alert')
    expect(alert.dataset.code).toBe('interrupted')
    expect(alert.textContent).not.toMatch(/connection dropped/)
  })

  it('shows a second interruption after the first was dismissed', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    function Resume() {
      const run = useAgentRun()
      return (
        <button type="button" onClick={() => run.resume()}>
          Resume
        </button>
      )
    }
    renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 12 scenes" />
        <Resume />
        <AgentErrorNotice />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const first = await screen.findByRole('alert')
    expect(first.dataset.code).toBe('interrupted')
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
    simulator.admin.setFaults({ cutAfterEvents: 4 })
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    const second = await screen.findByRole('alert')
    expect(second.dataset.code).toBe('interrupted')
  })
})

describe('CompositionTimeline', () => {
  it('lays out the latest checkpoint’s tracks and items in time', async () => {
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 3 scenes" />
        <CompositionTimeline />
      </>,
      simulator,
    )
    expect(screen.getByText('The composition is empty.')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(container.querySelectorAll('[data-kvid-item][data-type="image"]')).toHaveLength(3),
    )
    const tracks = screen.getAllByRole('list')
    expect(tracks.map((track) => track.getAttribute('aria-label'))).toEqual([
      'Track Scenes',
      'Track Captions',
      'Track Narration',
    ])
    const second = container.querySelector<HTMLElement>(
      '[data-kvid-item="scene-2-visual"]',
    ) as HTMLElement
    expect(second.style.getPropertyValue('--kvid-item-start')).toBe(String(1 / 3))
    expect(second.title).toBe('image from 5 s for 5 s')
    await expectAccessible(container)
  })
})
