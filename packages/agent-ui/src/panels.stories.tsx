import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CompositionTimeline } from './composition-timeline'
import { ResumeButton } from './resume-button'
import { RunStatus } from './run-status'
import { StoryHarness } from './stories/story-harness'
import { TemplateWarnings } from './template-warnings'
import { ToolActivity } from './tool-activity'

function Panels() {
  return (
    <>
      <RunStatus />
      <ResumeButton />
      <ToolActivity />
      <TemplateWarnings />
      <CompositionTimeline />
    </>
  )
}

const meta = {
  title: 'Components/Run panels',
  component: Panels,
  render: (_args, context) => (
    <StoryHarness locale={context.globals.locale} {...(context.parameters.harness ?? {})}>
      <Panels />
    </StoryHarness>
  ),
} satisfies Meta<typeof Panels>

export default meta
type Story = StoryObj<typeof meta>

export const Idle: Story = {}

export const ShortEditWithTemplateWarning: Story = {
  parameters: { harness: { message: "Add a centered title 'Summer Sale' for 3 seconds" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByText('Added the text "Summer Sale" for 3 seconds.', {})
    await expect(
      canvasElement.querySelector('[data-kvid-tool="add_text_overlay"]'),
    ).toHaveAttribute('data-state', 'success')
  },
}

export const LongVideoCostAndTimeline: Story = {
  parameters: {
    harness: { message: 'An explainer about tides in 6 scenes', simulator: { sceneMs: 60 } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByText(/Credits used/, {})
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('[data-kvid-item][data-type="image"]')).toHaveLength(6),
    )
    // The simulator's scene pictures load in the page, with no network.
    const pictures = [...canvasElement.querySelectorAll('img[data-kvid-thumbnail]')]
    await expect(pictures).toHaveLength(6)
    await waitFor(() =>
      expect(
        pictures.every(
          (picture) =>
            picture instanceof HTMLImageElement && picture.complete && picture.naturalWidth > 0,
        ),
      ).toBe(true),
    )
  },
}

export const ShortageLeavesResume: Story = {
  parameters: {
    harness: {
      message: 'An explainer about tides in 6 scenes',
      credits: 25,
      simulator: { sceneMs: 60 },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByRole('button', { name: '▶ Resume 4 scenes' })
  },
}

export const Spanish: Story = {
  globals: { locale: 'es' },
  parameters: {
    harness: { message: 'An explainer about tides in 2 scenes', simulator: { sceneMs: 60 } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await canvas.findByText('Tu video de 2 escenas está listo.', {})
  },
}
