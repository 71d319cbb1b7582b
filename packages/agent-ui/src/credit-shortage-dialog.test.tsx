import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import {
  expectAccessible,
  postsTo,
  renderWithAgent,
  StartButton,
  setupSimulator,
} from './test-utils'

const simulator = setupSimulator()

describe('CreditShortageDialog', () => {
  it('opens mid-run on a shortage with what is done, left and needed; top up, then resume finishes', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    const onTopUp = vi.fn((event: { preventDefault(): void }) => {
      event.preventDefault()
      simulator.admin.setUser('demo@example.com', { addCredits: 100 })
    })
    const { container } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <SceneProgressBoard />
        <CreditShortageDialog onTopUp={onTopUp} topUpUrl="https://example.com/buy" />
      </>,
      simulator,
    )
    const start = screen.getByRole('button', { name: 'Start' })
    await userEvent.click(start)
    const dialog = await screen.findByRole('dialog', { name: 'Not enough credits' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    await waitFor(() => expect(screen.getByText('3 of 8 scenes done')).toBeTruthy())
    expect(screen.getByText('Credits left').nextElementSibling?.textContent).toBe('0 credits')
    expect(screen.getByText('Estimated cost per scene').nextElementSibling?.textContent).toBe(
      '10 credits',
    )
    expect(screen.getByText('Credits needed to finish').nextElementSibling?.textContent).toBe(
      '50 credits',
    )
    expect(screen.getByText('Your balance covers 0 more scenes.')).toBeTruthy()
    const topUp = screen.getByRole('link', { name: 'Top up credits' })
    expect(topUp.getAttribute('href')).toBe('https://example.com/buy')
    expect(document.activeElement).toBe(topUp)
    await expectAccessible(container)

    await userEvent.click(topUp)
    expect(onTopUp).toHaveBeenCalledTimes(1)
    const resume = screen.getByRole('button', { name: 'Resume' }) as HTMLButtonElement
    await waitFor(() => expect(resume.disabled).toBe(false))
    await userEvent.click(resume)
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('8 of 8 scenes'),
    )
    expect(postsTo(simulator)['POST /api/agent/resume']).toBe(1)
    const job = simulator.admin.jobs()[0]
    expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  })

  it('closes on Escape and gives focus back', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <CreditShortageDialog />
      </>,
      simulator,
    )
    const start = screen.getByRole('button', { name: 'Start' })
    await userEvent.click(start)
    await screen.findByRole('dialog')
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(start)
  })

  it('opens on an INSUFFICIENT_CREDIT reject, saying what was required', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 2 })
    const { container } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <CreditShortageDialog />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.dataset.trigger).toBe('refused')
    expect(dialog.textContent).toMatch(/2 available, 5 required/)
    await expectAccessible(container)
  })

  it('refused at start: "Try again" re-sends the same request once, after a top-up', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <SceneProgressBoard />
        <CreditShortageDialog
          onTopUp={(event) => {
            event.preventDefault()
            simulator.admin.setUser('demo@example.com', { addCredits: 200 })
          }}
        />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const dialog = await screen.findByRole('dialog', { name: 'Not enough credits' })
    expect(dialog.dataset.trigger).toBe('refused')
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull()
    await userEvent.click(screen.getByRole('link', { name: 'Top up credits' }))
    const tryAgain = screen.getByRole('button', { name: 'Try again' })
    await userEvent.dblClick(tryAgain)
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() =>
      expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('8 of 8 scenes'),
    )
    // The refused request and the one retry: nothing more.
    expect(postsTo(simulator)['POST /api/agent']).toBe(2)
    const [job] = simulator.admin.jobs()
    expect(job?.message).toBe('Make a 30-second explainer about the moon in 8 scenes.')
    expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  })

  it('controlled: shows only while `open` says so, and asks through onOpenChange', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const changes: boolean[] = []
    function Controlled() {
      const [open, setOpen] = useState(false)
      return (
        <>
          <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
          <button type="button" onClick={() => setOpen(true)}>
            Show credits
          </button>
          <CreditShortageDialog
            open={open}
            onOpenChange={(next) => {
              changes.push(next)
              setOpen(next)
            }}
          />
        </>
      )
    }
    renderWithAgent(<Controlled />, simulator)
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    // A refusal asks to open; the app said yes.
    await screen.findByRole('dialog')
    expect(changes).toEqual([true])
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(changes).toEqual([true, false])
    await userEvent.click(screen.getByRole('button', { name: 'Show credits' }))
    expect((await screen.findByRole('dialog')).dataset.trigger).toBe('refused')
  })

  it('renders into a container the host chooses', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    const host = document.createElement('div')
    host.id = 'host-portal'
    document.body.append(host)
    renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <CreditShortageDialog container={host} />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await screen.findByRole('dialog')
    expect(host.querySelector('[data-kvid-credit-dialog]')).not.toBeNull()
    host.remove()
  })

  it('keeps the <dialog> mounted: its ref holds it closed and open, data-state says which', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const ref = createRef<HTMLDialogElement>()
    const { unmount } = renderWithAgent(
      <>
        <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
        <CreditShortageDialog ref={ref} />
      </>,
      simulator,
    )
    // Closed: mounted, not open, empty, and out of the accessibility tree.
    const closed = ref.current
    expect(closed?.localName).toBe('dialog')
    expect(closed?.dataset.state).toBe('closed')
    expect(closed?.dataset.trigger).toBeUndefined()
    expect(closed?.open).toBe(false)
    expect(closed?.childElementCount).toBe(0)
    expect(screen.queryByRole('dialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toBe(closed)
    expect(dialog.dataset.state).toBe('open')
    expect(dialog.dataset.trigger).toBe('refused')
    await userEvent.click(screen.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(ref.current).toBe(dialog)
    expect(dialog.dataset.state).toBe('closed')
    expect(ref.current?.open).toBe(false)
    unmount()
    expect(ref.current).toBeNull()
  })

  it('uncontrolled: a refusal already there on mount opens it, unless defaultOpen={false}; a new one does', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    function Later({ defaultOpen }: { defaultOpen?: boolean }) {
      const [shown, setShown] = useState(false)
      return (
        <>
          <StartButton message="Make a 30-second explainer about the moon in 8 scenes." />
          <RunStatus />
          <button type="button" onClick={() => setShown(true)}>
            Show dialog
          </button>
          {shown && <CreditShortageDialog defaultOpen={defaultOpen} />}
        </>
      )
    }
    const { unmount } = renderWithAgent(<Later />, simulator)
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not started'))
    await userEvent.click(screen.getByRole('button', { name: 'Show dialog' }))
    expect((await screen.findByRole('dialog')).dataset.trigger).toBe('refused')
    unmount()

    const { container } = renderWithAgent(<Later defaultOpen={false} />, simulator)
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not started'))
    await userEvent.click(screen.getByRole('button', { name: 'Show dialog' }))
    // Mounted after the refusal, told not to open for it: it stays closed.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByRole('dialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    expect((await screen.findByRole('dialog')).dataset.trigger).toBe('refused')
    await expectAccessible(container)
  })

  it('controlled open with nothing to show says data-state="open" and no trigger', async () => {
    const { container } = renderWithAgent(<CreditShortageDialog open />, simulator)
    const dialog = await screen.findByRole('dialog', { name: 'Not enough credits' })
    expect(dialog.dataset.state).toBe('open')
    expect(dialog.dataset.trigger).toBeUndefined()
    await expectAccessible(container)
  })
})
