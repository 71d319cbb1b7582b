import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AgentErrorNotice } from '../agent-error-notice'
import { AgentPrompt } from '../agent-prompt/agent-prompt'
import { CreditShortageDialog } from '../credit-shortage-dialog/credit-shortage-dialog'
import { ResumeButton } from '../resume-button'
import { RunStatus } from '../run-status'
import { SceneProgressBoard } from '../scene-progress-board/scene-progress-board'
import { StopButton } from '../stop-button'
import { StoryHarness } from './story-harness'
import { VITE_TEMPLATE_STYLES } from './vite-template-styles'

/**
 * The components dropped into a new Vite app, whose stylesheet centres `#root`, enlarges
 * headings, styles every button and lays the page out as a flex column. They keep their
 * own alignment, widths, title and colours (light or dark, by the toolbar's theme or the
 * system's).
 */
const meta = {
  title: 'Pages/In a new Vite app',
  render: (_, context) => (
    <StoryHarness
      locale={context.globals.locale}
      message="An explainer about bees in 8 scenes"
      {...(context.parameters.harness ?? {})}
    >
      <style>{VITE_TEMPLATE_STYLES}</style>
      <div id="root" data-kvid-theme={context.globals.theme}>
        <h1>My video app</h1>
        <AgentPrompt />
        <AgentErrorNotice />
        <RunStatus />
        <StopButton />
        <ResumeButton />
        <SceneProgressBoard />
        <CreditShortageDialog />
      </div>
    </StoryHarness>
  ),
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

/** A run cut short: the notice, "Resume 5 scenes" at its own width, cards that say so. */
export const Interrupted: Story = {
  parameters: { harness: { fault: { cutAfterEvents: 12 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const resume = await canvas.findByRole('button', { name: /Resume \d scenes/ })
    const root = canvasElement.querySelector('#root') as HTMLElement
    await expect(resume.getBoundingClientRect().width).toBeLessThan(root.clientWidth / 2)
    const label = canvas.getByText('Instruction')
    await expect(getComputedStyle(label).textAlign).toBe('start')
  },
}

/** Out of credits: the dialog's title keeps its own size against the page's `h2`. */
export const CreditDialog: Story = {
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const title = await within(document.body).findByRole('heading', {
      name: 'Not enough credits',
    })
    await waitFor(() => expect(getComputedStyle(title).fontSize).toBe('18px'))
  },
}
