import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

/** Start, and a link outside the dialog that focus must never reach while it is open. */
function Start() {
  return (
    <>
      <StartButton message="An explainer in 8 scenes" />
      <a href="#elsewhere">Elsewhere</a>
    </>
  )
}

// Real key presses through the browser, which a simulated Tab cannot give: the native
// modal keeps focus inside however often Tab and Shift+Tab are pressed.
describe('CreditShortageDialog in a real browser', () => {
  it('keeps keyboard focus inside, and Escape gives it back', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    renderWithAgent(
      <>
        <Start />
        <CreditShortageDialog />
      </>,
      simulator,
    )
    const start = screen.getByRole('button', { name: 'Start' })
    await userEvent.click(start)
    const dialog = await screen.findByRole('dialog')
    for (const key of [
      'Tab',
      'Tab',
      'Tab',
      'Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
      'Shift+Tab',
    ]) {
      await userEvent.keyboard(key === 'Shift+Tab' ? '{Shift>}{Tab}{/Shift}' : '{Tab}')
      expect(
        dialog.contains(document.activeElement) || document.activeElement === document.body,
      ).toBe(true)
      expect(document.activeElement?.textContent).not.toBe('Elsewhere')
    }
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(start)
  })
})
