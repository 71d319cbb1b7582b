import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ResumeButton } from './resume-button'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { StopButton } from './stop-button'
import { StoryHarness, storySimulator } from './stories/story-harness'

const meta = {
  title: 'Components/ResumeButton',
  component: ResumeButton,
  render: (args, context) => (
    <StoryHarness
      locale={context.globals.locale}
      message="Make a 30-second explainer about the moon in 8 scenes."
      simulator={{ sceneMs: 80 }}
      {...(context.parameters.harness ?? {})}
    >
      <RunStatus />
      <StopButton />
      <ResumeButton {...args} />
      <SceneProgressBoard />
    </StoryHarness>
  ),
} satisfies Meta<typeof ResumeButton>

export default meta
type Story = StoryObj<typeof meta>

const completed = (canvasElement: HTMLElement) =>
  canvasElement.querySelectorAll('[data-kvid-scene][data-state="complete"]').length

/** No unfinished job: the button renders nothing at all. */
export const NothingToResume: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('status')).toHaveTextContent('Ready')
    await expect(canvasElement.querySelector('[data-kvid-resume]')).toBeNull()
  },
}

/** Credits ran out after 3 of 8 scenes: "Resume 5 scenes", and after a top-up it finishes them. */
export const ResumeRemainingScenes: Story = {
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const resume = await canvas.findByRole('button', { name: '▶ Resume 5 scenes' })
    await waitFor(() => expect(resume).toBeEnabled())
    storySimulator().admin.setUser('demo@example.com', { addCredits: 100 })
    await userEvent.click(resume)
    await waitFor(() => expect(completed(canvasElement)).toBe(8))
    await expect(storySimulator().admin.requests().byRoute['POST /api/agent/resume']).toBe(1)
  },
}

/** While the resume streams the button is busy and says so. */
export const Resuming: Story = {
  parameters: { harness: { credits: 35, simulator: { sceneMs: 400 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const resume = await canvas.findByRole('button', { name: '▶ Resume 5 scenes' })
    await waitFor(() => expect(resume).toBeEnabled())
    storySimulator().admin.setUser('demo@example.com', { addCredits: 100 })
    await userEvent.click(resume)
    const busy = await canvas.findByRole('button', { name: 'Resuming…' })
    await expect(busy).toHaveAttribute('aria-busy', 'true')
    await expect(busy).toHaveAttribute('data-state', 'busy')
  },
}

/** Stopped mid-render: the status reads "Stopped" and the rest of the scenes are offered. */
export const AfterStop: Story = {
  parameters: { harness: { fault: { stallAfterEvents: 11 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const stop = await canvas.findByRole('button', { name: 'Stop' })
    await waitFor(() => expect(completed(canvasElement)).toBe(2))
    await userEvent.click(stop)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Stopped'))
    const resume = await canvas.findByRole('button', { name: /^▶ Resume \d+ scenes$/ })
    await waitFor(() => expect(resume).toBeEnabled())
    await userEvent.click(resume)
    await waitFor(() => expect(completed(canvasElement)).toBe(8))
  },
}

/**
 * The tab was reloaded mid-render: the board comes back from storage, the check finds the
 * unfinished job, and Resume renders only the scenes that were missing.
 */
export const AfterReload: Story = {
  parameters: { harness: { reloadable: true, fault: { stallAfterEvents: 15 } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await waitFor(() => expect(completed(canvasElement)).toBe(3))
    await userEvent.click(canvas.getByRole('button', { name: 'Reload page' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Interrupted'))
    await expect(completed(canvasElement)).toBe(3)
    const resume = await canvas.findByRole('button', { name: '▶ Resume 5 scenes' })
    await waitFor(() => expect(resume).toBeEnabled())
    await userEvent.click(resume)
    await waitFor(() => expect(completed(canvasElement)).toBe(8))
    const requests = storySimulator().admin.requests().byRoute
    await expect(requests['POST /api/agent']).toBe(1)
    await expect(requests['POST /api/agent/resume']).toBe(1)
    const [job] = storySimulator().admin.jobs()
    await expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  },
}

/** Every scene rendered but one that failed: the button offers just that one. */
export const FailedScenesOnly: Story = {
  parameters: { harness: { fault: { failScenes: [1] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    const resume = await canvas.findByRole('button', { name: '▶ Resume 1 scene' })
    await expect(
      canvasElement.querySelectorAll('[data-kvid-scene][data-state="failed"]'),
    ).toHaveLength(1)
    await waitFor(() => expect(resume).toBeEnabled())
    await userEvent.click(resume)
    await waitFor(() => expect(completed(canvasElement)).toBe(8))
    await expect(storySimulator().admin.requests().byRoute['POST /api/agent/resume']).toBe(1)
  },
}

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  parameters: { harness: { credits: 35 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-kvid-resume]')).toHaveTextContent(/5/),
    )
    await expect(canvasElement.querySelector('[data-kvid-resume]')?.textContent).not.toMatch(
      /Resume/,
    )
  },
}
