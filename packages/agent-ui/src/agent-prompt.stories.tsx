import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AgentPrompt } from './agent-prompt/agent-prompt'
import { RunStatus } from './run-status'
import { StoryHarness, storySimulator } from './stories/story-harness'

const meta = {
  title: 'Components/AgentPrompt',
  component: AgentPrompt,
  render: (args, context) => (
    <StoryHarness locale={context.globals.locale} {...(context.parameters.harness ?? {})}>
      <AgentPrompt {...args} />
      <RunStatus />
    </StoryHarness>
  ),
} satisfies Meta<typeof AgentPrompt>

export default meta
type Story = StoryObj<typeof meta>

/** No `composition` prop: the first run sends an empty one, the next the run's latest. */
export const TwoRunsWithoutComposition: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const box = canvas.getByLabelText('Instruction')
    await userEvent.type(box, "Add a title 'Hello'")
    await userEvent.click(canvas.getByRole('button', { name: 'Run agent' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Finished'))
    await expect(box).toHaveValue('')
    await userEvent.type(box, 'Make the background blue')
    await userEvent.click(canvas.getByRole('button', { name: 'Run agent' }))
    await waitFor(() =>
      expect(storySimulator().admin.requests().byRoute['POST /api/agent']).toBe(2),
    )
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Finished'))
  },
}

/** The parts in a layout of one's own: the button first, a short box, no attachments. */
export const Parts: Story = {
  render: (_, context) => (
    <StoryHarness locale={context.globals.locale}>
      <AgentPrompt.Root>
        <AgentPrompt.Submit>Go</AgentPrompt.Submit>
        <AgentPrompt.Input rows={2} style={{ minHeight: 0 }} />
        <AgentPrompt.Problems />
      </AgentPrompt.Root>
      <RunStatus />
    </StoryHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Go' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Write an instruction first.')
    await userEvent.type(canvas.getByLabelText('Instruction'), "Add a title 'Hi'")
    await userEvent.click(canvas.getByRole('button', { name: 'Go' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Finished'))
  },
}
