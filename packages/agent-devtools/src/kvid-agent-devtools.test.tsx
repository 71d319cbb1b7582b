import type { AgentRunStore } from '@kvidai/agent-core'
import { LONG_VIDEO_PROMPT, stageShortage } from '@kvidai/agent-sim/testing'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { KvidAgentDevtools } from './production'
import {
  AgentHarness,
  expectAccessible,
  RunButtons,
  StoreProbe,
  setupSimulator,
} from './test-utils'

const simulator = setupSimulator()

function renderDevtools() {
  return render(
    <AgentHarness simulator={simulator}>
      <RunButtons message={LONG_VIDEO_PROMPT} />
      <KvidAgentDevtools />
    </AgentHarness>,
  )
}

describe('KvidAgentDevtools', () => {
  it('opens from its toggle, closes on Escape and gives focus back to the toggle', async () => {
    const user = userEvent.setup()
    const { container } = renderDevtools()
    await user.click(screen.getByRole('button', { name: 'Agent devtools' }))
    const panel = screen.getByRole('region', { name: 'Agent devtools' })
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Runs' }))
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true')
    await expectAccessible(container)
    await user.keyboard('{Escape}')
    expect(panel.isConnected).toBe(false)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Agent devtools' }))
  })

  it('lists the run, and shows the state right after the shortage arrived', async () => {
    const user = userEvent.setup()
    stageShortage(simulator, { scenes: 3 })
    const { container } = renderDevtools()
    await user.click(screen.getByRole('button', { name: 'Start' }))
    await user.click(screen.getByRole('button', { name: 'Agent devtools' }))
    const runs = await screen.findByRole('table', { name: 'Runs in this provider' })
    await waitFor(() => expect(within(runs).getByText('done')).toBeTruthy())
    expect(within(runs).getByText(/^shortage:/)).toBeTruthy()

    await user.click(within(runs).getByRole('button', { name: 'Timeline of project 1' }))
    const timeline = screen.getByRole('list', { name: 'Actions of project 1' })
    const shortage = within(timeline)
      .getAllByRole('button')
      .find((button) => button.dataset.type === 'insufficient_credit')
    expect(shortage?.hasAttribute('data-notable')).toBe(true)
    await user.click(shortage as HTMLElement)
    const details = screen.getByRole('region', { name: 'The run after the selected action' })
    // Right after the shortage the run was still streaming, with its credit shortage set.
    expect(within(details).getByText('streaming')).toBeTruthy()
    expect(within(details).getByRole('table', { name: 'Fields this action changed' })).toBeTruthy()
    expect(details.querySelector('[data-field="creditShortage"]')).not.toBeNull()
    await user.click(within(details).getByRole('button', { name: 'Show Composition JSON' }))
    expect(details.querySelector('pre[data-part="json"]')?.textContent).toContain('"tracks"')
    await expectAccessible(container)
  })

  it('resizes from the keyboard within its bounds', async () => {
    const user = userEvent.setup()
    render(
      <AgentHarness simulator={simulator}>
        <KvidAgentDevtools initialIsOpen initialHeight={300} />
      </AgentHarness>,
    )
    const handle = screen.getByRole('separator', { name: /Resize the devtools/ })
    const panel = screen.getByRole('region', { name: 'Agent devtools' })
    handle.focus()
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(handle.getAttribute('aria-valuenow')).toBe('348')
    expect(panel.style.height).toBe('348px')
    for (let press = 0; press < 20; press++) await user.keyboard('{ArrowDown}')
    expect(handle.getAttribute('aria-valuenow')).toBe('160')
  })

  it('says when its log began mid-run', async () => {
    const user = userEvent.setup()
    let store: AgentRunStore | undefined
    const page = (withDevtools: boolean) => (
      <AgentHarness simulator={simulator}>
        <StoreProbe onStore={(found) => (store = found)} />
        <RunButtons message={LONG_VIDEO_PROMPT} />
        {withDevtools && <KvidAgentDevtools initialIsOpen />}
      </AgentHarness>
    )
    const { rerender } = render(page(false))
    await user.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(store?.getState().status).toBe('streaming'))
    rerender(page(true))
    await user.click(screen.getByRole('tab', { name: 'Timeline' }))
    expect(await screen.findByText(/The log began mid-run \(status streaming\)/)).toBeTruthy()
  })

  it('filters the timeline by type', async () => {
    const user = userEvent.setup()
    renderDevtools()
    await user.click(screen.getByRole('button', { name: 'Start' }))
    await user.click(screen.getByRole('button', { name: 'Agent devtools' }))
    await user.click(screen.getByRole('tab', { name: 'Timeline' }))
    const timeline = await screen.findByRole('list', { name: 'Actions of project 1' })
    await waitFor(() => expect(timeline.querySelector('[data-type="done"]')).not.toBeNull())
    await user.selectOptions(screen.getByLabelText('Type'), 'checkpoint')
    const shown = within(screen.getByRole('list', { name: 'Actions of project 1' })).getAllByRole(
      'button',
    )
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((button) => button.dataset.type === 'checkpoint')).toBe(true)
  })
})
