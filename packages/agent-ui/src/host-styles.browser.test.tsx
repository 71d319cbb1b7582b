import { screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { AgentErrorBoundary } from './agent-error-boundary'
import { AgentErrorNotice } from './agent-error-notice'
import { AgentPrompt } from './agent-prompt/agent-prompt'
import { CompositionTimeline } from './composition-timeline'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { ResumeButton } from './resume-button'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { StopButton } from './stop-button'
import { VITE_TEMPLATE_STYLES } from './stories/vite-template-styles'
import { TemplateWarnings } from './template-warnings'
import { expectAccessible, renderWithAgent, StartButton, setupSimulator } from './test-utils'
import { ToolActivity } from './tool-activity'
import './styles/index.css'

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateColorScheme(scheme: 'light' | 'dark'): Promise<void>
  }
}

const simulator = setupSimulator()
let hostStyle: HTMLStyleElement

beforeAll(async () => {
  hostStyle = document.createElement('style')
  hostStyle.textContent = VITE_TEMPLATE_STYLES
  document.head.append(hostStyle)
  await commands.emulateColorScheme('dark')
})

afterAll(async () => {
  hostStyle.remove()
  await commands.emulateColorScheme('light')
})

const COMPONENT_ROOTS =
  '[data-kvid-board], [data-kvid-credit-dialog], [data-kvid-run-status], [data-kvid-prompt], [data-kvid-timeline], [data-kvid-tools], [data-kvid-warnings], [data-kvid-error], [data-kvid-error-boundary], [data-kvid-resume], [data-kvid-stop]'

/** Every element of every component on the page, roots included. */
function componentElements() {
  return [...document.querySelectorAll<HTMLElement>(COMPONENT_ROOTS)].flatMap((root) => [
    root,
    ...root.querySelectorAll<HTMLElement>('*'),
  ])
}

/** What the host's rules must not have changed: alignment, and contrast in the dark. */
async function expectOwnLook(root: HTMLElement) {
  // A button centres its label by the browser's own stylesheet, not by inheritance.
  const centred = componentElements().filter(
    (element) => element.localName !== 'button' && getComputedStyle(element).textAlign === 'center',
  )
  expect(centred.map((element) => element.outerHTML.slice(0, 80))).toEqual([])
  await expectAccessible(root)
}

/** A button keeps its own width in the host's flex column, and takes the dark surface. */
function expectOwnButton(button: HTMLElement, host: HTMLElement, background: string) {
  const style = getComputedStyle(button)
  expect(button.getBoundingClientRect().width).toBeLessThan(host.clientWidth / 2)
  expect(style.backgroundColor).toBe(background)
  expect(style.fontWeight).toBe('400')
}

const DARK_SURFACE = 'rgb(17, 24, 39)'
const DARK_ACCENT = 'rgb(129, 140, 248)'

function Thrower(): ReactNode {
  throw new Error('A panel that cannot render')
}

// Both ways of asking for the dark set: the system's scheme alone, and the attribute.
describe.each([
  ['the system colour scheme', undefined],
  ['data-kvid-theme="dark"', 'dark'],
])('components in a hostile host page, dark by %s', (_, theme) => {
  function Host({ children }: { children: ReactNode }) {
    return (
      <div id="root" data-kvid-theme={theme}>
        {children}
      </div>
    )
  }

  it('keep their alignment, width, headings and dark colours while a run streams', async () => {
    simulator.admin.setFaults({ stallAfterEvents: 6 })
    renderWithAgent(
      <Host>
        <AgentPrompt defaultValue="An explainer about bees in 8 scenes" />
        <StartButton message="An explainer about bees in 8 scenes" templateId="no-such-template" />
        <StopButton />
        <RunStatus />
        <SceneProgressBoard />
        <ToolActivity />
        <TemplateWarnings />
        <CompositionTimeline />
      </Host>,
      simulator,
      { stallAfterMs: 200 },
    )
    const host = document.getElementById('root') as HTMLElement
    await expectOwnLook(host)
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(document.querySelector('[data-kvid-run-stalled]')?.getAttribute('data-state')).toBe(
        'stalled',
      ),
    )
    await screen.findByText(/was not found/)
    const stop = document.querySelector('[data-kvid-stop]') as HTMLElement
    expectOwnButton(stop, host, DARK_SURFACE)
    expect(
      getComputedStyle(document.querySelector('[data-kvid-prompt] label') as HTMLElement).textAlign,
    ).toBe('start')
    await expectOwnLook(host)
    // Components stand apart by the default gap.
    const board = document.querySelector('[data-kvid-board]') as HTMLElement
    expect(getComputedStyle(board).marginBlockEnd).toBe('16px')
    await userEvent.click(stop)
  })

  it('keep them after an interruption: notice, resume button, error boundary', async () => {
    simulator.admin.setFaults({ cutAfterEvents: 8 })
    renderWithAgent(
      <Host>
        <StartButton message="An explainer about bees in 8 scenes" />
        <AgentErrorNotice />
        <ResumeButton />
        <SceneProgressBoard />
        <AgentErrorBoundary onError={() => {}}>
          <Thrower />
        </AgentErrorBoundary>
      </Host>,
      simulator,
    )
    const host = document.getElementById('root') as HTMLElement
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const resume = await screen.findByRole('button', { name: /Resume \d scenes/ })
    await waitFor(() =>
      expect(
        document.querySelector('[data-kvid-scene][data-state="pending"] [data-kvid-scene-status]')
          ?.textContent,
      ).toBe('Interrupted'),
    )
    expectOwnButton(resume, host, DARK_ACCENT)
    // Apart from the board below it by the default gap, as every component is.
    expect(getComputedStyle(resume).marginBlockEnd).toBe('16px')
    await expectOwnLook(host)
  })

  it('keep the credit dialog’s title and text their own', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    renderWithAgent(
      <Host>
        <StartButton message="An explainer about bees in 8 scenes" />
        <CreditShortageDialog />
      </Host>,
      simulator,
    )
    const host = document.getElementById('root') as HTMLElement
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const dialog = await screen.findByRole('dialog')
    await screen.findByText('3 of 8 scenes done')
    const title = screen.getByRole('heading', { name: 'Not enough credits' })
    expect(getComputedStyle(title).fontSize).toBe('18px')
    expect(getComputedStyle(title).fontWeight).toBe('600')
    expect(getComputedStyle(dialog).backgroundColor).toBe(DARK_SURFACE)
    const topUp = screen.getByRole('link', { name: 'Top up credits' })
    expect(getComputedStyle(topUp).color).toBe(DARK_SURFACE)
    await expectOwnLook(host)
  })
})
