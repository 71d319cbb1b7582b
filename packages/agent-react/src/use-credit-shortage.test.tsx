import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { EMPTY, LONG_VIDEO, posts, providerFor, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useCreditShortage } from './use-credit-shortage'

const handle = setupSimulator()

function Shortage(props: {
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
}) {
  const run = useAgentRun()
  const shortage = useCreditShortage(props)
  return (
    <div>
      <button type="button" onClick={() => run.start({ message: LONG_VIDEO, composition: EMPTY })}>
        Run
      </button>
      <output data-testid="status">{run.status}</output>
      <output data-testid="shortage">
        {shortage.open ? `${shortage.trigger}:${shortage.action}` : 'closed'}
      </output>
      <output data-testid="figures">{JSON.stringify(shortage.figures)}</output>
      <button type="button" disabled={shortage.busy} onClick={() => shortage.proceed()}>
        Proceed
      </button>
      <button type="button" onClick={shortage.dismiss}>
        Dismiss
      </button>
    </div>
  )
}

const shown = () => screen.getByTestId('shortage').textContent
const status = () => screen.getByTestId('status').textContent

describe('useCreditShortage', () => {
  it('a start refused for credit: "try again" re-sends it once, and the video completes', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    render(<Shortage />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(shown()).toBe('refused:try-again'))
    expect(JSON.parse(screen.getByTestId('figures').textContent ?? '')).toMatchObject({
      remainingCredit: 0,
      required: expect.any(Number),
    })
    simulator.admin.setUser('demo@example.com', { credits: 1000 })
    await userEvent.dblClick(screen.getByRole('button', { name: 'Proceed' }))
    await waitFor(() => expect(status()).toBe('done'))
    expect(shown()).toBe('closed')
    expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(2)
    expect(posts(simulator)).toBe(2)
  })

  it('a mid-run shortage offers resume; dismissing keeps it closed until the next one', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    render(<Shortage />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(status()).toBe('done'))
    expect(shown()).toBe('shortage:resume')
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(shown()).toBe('closed')
    simulator.admin.setUser('demo@example.com', { addCredits: 1000 })
    await userEvent.click(screen.getByRole('button', { name: 'Proceed' }))
    await waitFor(() => expect(status()).toBe('done'))
    expect(simulator.admin.requests().byRoute['POST /api/agent/resume']).toBe(1)
    expect(simulator.admin.jobs()[0]?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  })

  it('controlled: shows what the app says, and asks the app to change it', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const changes: boolean[] = []
    function Controlled() {
      const [open, setOpen] = useState(false)
      return (
        <>
          <Shortage
            open={open}
            onOpenChange={(next) => {
              changes.push(next)
              setOpen(next)
            }}
          />
          <button type="button" onClick={() => setOpen(true)}>
            Show
          </button>
        </>
      )
    }
    render(<Controlled />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(status()).toBe('rejected'))
    // The refusal asked the app to open it, and the app did.
    await waitFor(() => expect(shown()).toBe('refused:try-again'))
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(changes).toEqual([true, false])
    expect(shown()).toBe('closed')
    // Only the app opens it again.
    await userEvent.click(screen.getByRole('button', { name: 'Show' }))
    expect(shown()).toBe('refused:try-again')
    expect(changes).toEqual([true, false])
    await act(async () => {})
    expect(posts(simulator)).toBe(1)
  })

  it('uncontrolled: tells onOpenChange of each open and dismiss, and reopens on the next refusal', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const changes: boolean[] = []
    render(<Shortage onOpenChange={(open) => changes.push(open)} />, {
      wrapper: providerFor(simulator),
    })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(shown()).toBe('refused:try-again'))
    expect(changes).toEqual([true])
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(shown()).toBe('closed')
    expect(changes).toEqual([true, false])
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(shown()).toBe('refused:try-again'))
    expect(changes).toEqual([true, false, true])
    expect(posts(simulator)).toBe(2)
  })

  it('uncontrolled: a refusal there on mount opens it, unless defaultOpen is false', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    function Later({ defaultOpen }: { defaultOpen?: boolean }) {
      const run = useAgentRun()
      const [mounted, setMounted] = useState(false)
      return (
        <>
          <button
            type="button"
            onClick={() => run.start({ message: LONG_VIDEO, composition: EMPTY })}
          >
            Start
          </button>
          <output data-testid="first">{run.status}</output>
          <button type="button" onClick={() => setMounted(true)}>
            Mount
          </button>
          {mounted && <Shortage defaultOpen={defaultOpen} />}
        </>
      )
    }
    const first = () => screen.getByTestId('first').textContent
    const { unmount } = render(<Later />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(first()).toBe('rejected'))
    await userEvent.click(screen.getByRole('button', { name: 'Mount' }))
    expect(shown()).toBe('refused:try-again')
    unmount()

    render(<Later defaultOpen={false} />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(first()).toBe('rejected'))
    await userEvent.click(screen.getByRole('button', { name: 'Mount' }))
    await act(async () => {})
    expect(shown()).toBe('closed')
    // A new refusal opens it.
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(shown()).toBe('refused:try-again'))
  })

  it('warns in development when `open` comes and goes', async () => {
    const { simulator } = handle
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rerender } = render(<Shortage open={false} />, { wrapper: providerFor(simulator) })
    expect(warn).not.toHaveBeenCalled()
    rerender(<Shortage />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /useCreditShortage changed from controlled to uncontrolled/,
    )
    warn.mockRestore()
  })
})
