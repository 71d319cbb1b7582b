import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CreditShortageDialog } from './credit-shortage-dialog/credit-shortage-dialog'
import { ResumeButton } from './resume-button'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { StoryHarness, storySimulator } from './stories/story-harness'

const meta = {
  title: 'Components/CreditShortageDialog',
  component: CreditShortageDialog,
  render: (args, context) => (
    <StoryHarness
      locale={context.globals.locale}
      message="Make a 30-second explainer about the moon in 8 scenes."
      simulator={{ sceneMs: 80 }}
      {...(context.parameters.harness ?? {})}
    >
      <SceneProgressBoard />
      <ResumeButton />
      <a href="#outside">Outside the dialog</a>
      <CreditShortageDialog
        {...args}
        onTopUp={(event) => {
          event.preventDefault()
          storySimulator().admin.setUser('demo@example.com', { addCredits: 100 })
        }}
      />
    </StoryHarness>
  ),
} satisfies Meta<typeof CreditShortageDialog>

export default meta
type Story = StoryObj<typeof meta>

export const ShortageMidRun: Story = {
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Not enough credits' })
    await expect(dialog).toHaveAttribute('data-trigger', 'shortage')
    await waitFor(() => expect(within(dialog).getByText('3 of 8 scenes done')).toBeVisible())
  },
}

export const ShortageAsReject: Story = {
  parameters: { harness: { credits: 2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const dialog = await canvas.findByRole('dialog')
    await expect(dialog).toHaveAttribute('data-trigger', 'refused')
    await expect(dialog).toHaveTextContent('2 available, 5 required')
  },
}

/** Refused at start for lack of credit: top up, then "Try again" sends the same request once. */
export const RefusedThenTryAgain: Story = {
  parameters: { harness: { credits: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Not enough credits' })
    await expect(dialog).toHaveAttribute('data-trigger', 'refused')
    await userEvent.click(within(dialog).getByRole('link', { name: 'Top up credits' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Try again' }))
    await waitFor(() =>
      expect(
        canvasElement.querySelectorAll('[data-kvid-scene][data-state="complete"]'),
      ).toHaveLength(8),
    )
    await expect(storySimulator().admin.requests().byRoute['POST /api/agent']).toBe(2)
  },
}

/** The dialog keeps focus inside, gives it back on Escape, and top-up → resume finishes the video. */
export const TrapsFocusThenResumes: Story = {
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const start = canvas.getByRole('button', { name: 'Start run' })
    await userEvent.click(start)
    const dialog = await canvas.findByRole('dialog')
    await expect(dialog.contains(document.activeElement)).toBe(true)
    // A modal dialog in the top layer: the rest of the page is inert and cannot take focus.
    await expect(dialog.matches(':modal')).toBe(true)
    canvas.getByText('Outside the dialog').focus()
    await expect(dialog.contains(document.activeElement)).toBe(true)
    // Escape once the run has settled, so the start button can take focus back.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Resume' })).toBeEnabled(),
    )
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await expect(start).toHaveFocus()

    const resume = await canvas.findByRole('button', { name: '▶ Resume 5 scenes' })
    storySimulator().admin.setUser('demo@example.com', { addCredits: 100 })
    await userEvent.click(resume)
    await waitFor(() =>
      expect(
        canvasElement.querySelectorAll('[data-kvid-scene][data-state="complete"]'),
      ).toHaveLength(8),
    )
    await expect(storySimulator().admin.requests().byRoute['POST /api/agent/resume']).toBe(1)
  },
}

export const Korean: Story = {
  globals: { locale: 'ko' },
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByRole('dialog', { name: '크레딧이 부족합니다' })
  },
}
