import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { StopButton } from './stop-button'
import { StoryHarness } from './stories/story-harness'

const meta = {
  title: 'Components/StopButton',
  component: StopButton,
  render: (args, context) => (
    <StoryHarness
      locale={context.globals.locale}
      message="Make a 30-second explainer about the moon in 8 scenes."
      simulator={{ sceneMs: 150 }}
      {...(context.parameters.harness ?? {})}
    >
      <RunStatus />
      <StopButton {...args} />
      <SceneProgressBoard />
    </StoryHarness>
  ),
} satisfies Meta<typeof StopButton>

export default meta
type Story = StoryObj<typeof meta>

/** "Stop" shows only while the run streams; after it the status reads "Stopped". */
export const WhileStreaming: Story = {
  parameters: { harness: { fault: { stallAfterEvents: 11 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvasElement.querySelector('[data-kvid-stop]')).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const stop = await canvas.findByRole('button', { name: 'Stop' })
    await userEvent.click(stop)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Stopped'))
    await expect(canvasElement.querySelector('[data-kvid-stop]')).toBeNull()
  },
}

/** A stream gone quiet: said politely, for how long, with Stop beside it. */
export const Stalled: Story = {
  parameters: { harness: { fault: { stallAfterEvents: 3 }, stallAfterMs: 300 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await waitFor(
      () =>
        expect(canvasElement.querySelector('[data-kvid-run-stalled]')).toHaveAttribute(
          'data-state',
          'stalled',
        ),
      { timeout: 10_000 },
    )
    await expect(canvasElement.querySelector('[data-kvid-run-stalled]')).toHaveAttribute(
      'aria-live',
      'polite',
    )
    await expect(canvas.getByText(/No news from the agent for \d+ sec/)).toBeVisible()
  },
}

/** In Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  parameters: { harness: { fault: { stallAfterEvents: 11 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByRole('button', { name: 'Detener' })
  },
}
