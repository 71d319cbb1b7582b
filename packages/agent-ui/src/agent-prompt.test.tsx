import type { CompositionInput } from '@kvidai/agent-core'
import { useComposition } from '@kvidai/agent-react'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { AgentPrompt } from './agent-prompt/agent-prompt'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { RunStatus } from './run-status'
import { EMPTY, expectAccessible, postsTo, renderWithAgent, setupSimulator } from './test-utils'

const simulator = setupSimulator()

function file(name: string, type: string, size = 16) {
  const made = new File(['x'.repeat(Math.min(size, 64))], name, { type })
  if (size > 64) Object.defineProperty(made, 'size', { value: size })
  return made
}

describe('AgentPrompt', () => {
  it('sends the instruction with the composition and attachments as base64', async () => {
    const { container } = renderWithAgent(
      <>
        <AgentPrompt composition={EMPTY} />
        <RunStatus />
      </>,
      simulator,
    )
    await expectAccessible(container)
    await userEvent.type(screen.getByLabelText('Instruction'), "Add a title 'Hello'")
    await userEvent.upload(screen.getByLabelText('Attach files'), file('logo.png', 'image/png'))
    expect(await screen.findByRole('button', { name: 'Remove logo.png' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(postsTo(simulator)['POST /api/agent']).toBe(1)
  })

  it('refuses what the platform would refuse, with a clear message and no request', async () => {
    renderWithAgent(<AgentPrompt composition={EMPTY} />, simulator, { locale: 'en' })
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Write an instruction first.')

    const input = screen.getByLabelText('Attach files')
    // A picker's "all files" option gets past `accept`; the prompt checks types itself.
    const user = userEvent.setup({ applyAccept: false })
    await user.upload(input, [
      file('movie.exe', 'application/x-msdownload'),
      file('huge.mp4', 'video/mp4', 60 * 1024 * 1024),
    ])
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('movie.exe cannot be attached')
    expect(alert.textContent).toContain('huge.mp4 is too large: at most 50 MB per file.')

    const eleven = Array.from({ length: 11 }, (_, index) => file(`note-${index}.txt`, 'text/plain'))
    await user.upload(input, eleven)
    expect((await screen.findByRole('alert')).textContent).toContain(
      'At most 10 files can be attached.',
    )
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Remove / })).toHaveLength(10),
    )
    // Files past the limit are refused with one message, not one each.
    await user.upload(
      input,
      ['a', 'b', 'c'].map((name) => file(`${name}.txt`, 'text/plain')),
    )
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getAllByRole('listitem')).toHaveLength(1),
    )
    expect(screen.getAllByRole('button', { name: /^Remove / })).toHaveLength(10)

    await user.click(screen.getByLabelText('Instruction'))
    await user.paste('x'.repeat(4001))
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/at most 4,000 characters/)
    expect(simulator.admin.requests().total).toBe(0)
  })

  it('clears after the run starts, and keeps the text when told to or when refused', async () => {
    renderWithAgent(
      <>
        <AgentPrompt composition={EMPTY} />
        <RunStatus />
      </>,
      simulator,
    )
    const box = screen.getByLabelText('Instruction') as HTMLTextAreaElement
    await userEvent.type(box, "Add a title 'Hello'")
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(box.value).toBe('')

    // Refused before it began: the text stays, to send again.
    simulator.admin.setFaults({ reject: 'CONCURRENT_LIMIT' })
    await userEvent.type(box, 'Make it blue')
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not started'))
    expect(box.value).toBe('Make it blue')
  })

  it('keeps the text with clearOnStart={false}', async () => {
    renderWithAgent(
      <>
        <AgentPrompt composition={EMPTY} clearOnStart={false} defaultValue="Add a title 'Hi'" />
        <RunStatus />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect((screen.getByLabelText('Instruction') as HTMLTextAreaElement).value).toBe(
      "Add a title 'Hi'",
    )
  })

  it('is controllable: value and onValueChange, disabled, and an onSubmit that can cancel', async () => {
    const seen: string[] = []
    const onSubmit = vi.fn()
    function Controlled() {
      const [text, setText] = useState('Add a title')
      const [confirmed, setConfirmed] = useState(false)
      return (
        <>
          <AgentPrompt
            composition={EMPTY}
            value={text}
            onValueChange={(next) => {
              seen.push(next)
              setText(next.toUpperCase())
            }}
            onSubmit={(input, event) => {
              onSubmit(input.message)
              if (!confirmed) event.preventDefault()
            }}
          />
          <button type="button" onClick={() => setConfirmed(true)}>
            Confirm cost
          </button>
          <RunStatus />
        </>
      )
    }
    renderWithAgent(<Controlled />, simulator)
    const box = screen.getByLabelText('Instruction') as HTMLTextAreaElement
    expect(box.value).toBe('Add a title')
    await userEvent.type(box, '!')
    expect(seen).toEqual(['Add a title!'])
    expect(box.value).toBe('ADD A TITLE!')

    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    expect(onSubmit).toHaveBeenLastCalledWith('ADD A TITLE!')
    expect(postsTo(simulator)['POST /api/agent'] ?? 0).toBe(0)

    await userEvent.click(screen.getByRole('button', { name: 'Confirm cost' }))
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(postsTo(simulator)['POST /api/agent']).toBe(1)
    // Cleared through onValueChange, as a controlled input must be.
    expect(seen.at(-1)).toBe('')
  })

  it('sends nothing while disabled', async () => {
    renderWithAgent(
      <AgentPrompt composition={EMPTY} disabled defaultValue="Add a title" />,
      simulator,
    )
    expect((screen.getByLabelText('Instruction') as HTMLTextAreaElement).disabled).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    expect(postsTo(simulator)['POST /api/agent'] ?? 0).toBe(0)
    expect(document.querySelector('[data-kvid-prompt]')?.getAttribute('data-state')).toBe(
      'disabled',
    )
  })

  it('is built from parts that work in a layout of their own', async () => {
    const { container } = renderWithAgent(
      <>
        <AgentPrompt.Root composition={EMPTY} className="mine">
          <AgentPrompt.Submit>Go</AgentPrompt.Submit>
          <AgentPrompt.Problems />
          <AgentPrompt.Input rows={2} />
        </AgentPrompt.Root>
        <RunStatus />
      </>,
      simulator,
    )
    const box = screen.getByLabelText('Instruction') as HTMLTextAreaElement
    expect(box.rows).toBe(2)
    expect(screen.queryByLabelText('Attach files')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Go' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Write an instruction first.')
    expect(box.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(container)
    await userEvent.type(box, "Add a title 'Hello'")
    await userEvent.click(screen.getByRole('button', { name: 'Go' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    expect(postsTo(simulator)['POST /api/agent']).toBe(1)
    expect(box.value).toBe('')
  })

  it('names the part that is used outside its root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderWithAgent(<AgentPrompt.Submit />, simulator)).toThrow(
      '<AgentPrompt.Submit> must be inside <AgentPrompt.Root>.',
    )
    vi.restoreAllMocks()
  })

  it('sends the latest composition when given none, so a second run needs no prop', async () => {
    const sent: CompositionInput[] = []
    let latest: unknown = null
    function Latest() {
      latest = useComposition()
      return null
    }
    const { container } = renderWithAgent(
      <>
        <AgentPrompt onSubmit={(input) => sent.push(input.composition)} />
        <RunStatus />
        <Latest />
      </>,
      simulator,
    )
    await expectAccessible(container)
    const box = screen.getByLabelText('Instruction')
    await userEvent.type(box, "Add a title 'Hello'")
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Finished'))
    // Nothing yet to reason over: an empty composition.
    expect(sent[0]).toEqual({ tracks: [] })
    const first = latest
    expect(first).not.toBeNull()

    await userEvent.type(box, 'Make it blue')
    await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(postsTo(simulator)['POST /api/agent']).toBe(2))
    expect(sent[1]).toEqual(first)
    expect(sent[1]?.tracks.length).toBeGreaterThan(0)
  })

  it('warns in development when a component switches between controlled and uncontrolled', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rerender } = renderWithAgent(
      <>
        <AgentPrompt composition={EMPTY} value="Add a title" onValueChange={() => {}} />
        <CreditShortageDialog open={false} />
      </>,
      simulator,
    )
    expect(warn).not.toHaveBeenCalled()
    rerender(
      <>
        <AgentPrompt composition={EMPTY} />
        <CreditShortageDialog />
      </>,
    )
    await waitFor(() => expect(warn).toHaveBeenCalledTimes(2))
    const warnings = warn.mock.calls.map(([text]) => String(text))
    expect(warnings[0]).toMatch(/AgentPrompt changed from controlled to uncontrolled/)
    expect(warnings[1]).toMatch(/CreditShortageDialog changed from controlled to uncontrolled/)
    // The text it had is kept by the prompt itself from now on.
    expect((screen.getByLabelText('Instruction') as HTMLTextAreaElement).value).toBe('')
    warn.mockRestore()
  })
})
