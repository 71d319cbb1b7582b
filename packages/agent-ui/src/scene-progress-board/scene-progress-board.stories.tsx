import type { Meta, StoryObj } from '@storybook/react-vite'
import { Profiler } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AgentErrorNotice } from '../agent-error-notice'
import { ResumeButton } from '../resume-button'
import { eventsUntilCompleted, StoryHarness, storySimulator } from '../stories/story-harness'
import { SceneProgressBoard } from './scene-progress-board'

const EIGHT = 'Make an explainer about volcanoes in 8 scenes.'

const meta = {
  title: 'Components/SceneProgressBoard',
  component: SceneProgressBoard,
  render: (_args, context) => {
    const harness = context.parameters.harness ?? {}
    return (
      <StoryHarness locale={context.globals.locale} message={EIGHT} {...harness}>
        <SceneProgressBoard />
        <ResumeButton />
        <AgentErrorNotice />
      </StoryHarness>
    )
  },
} satisfies Meta<typeof SceneProgressBoard>

export default meta
type Story = StoryObj<typeof meta>

async function start(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await userEvent.click(canvas.getByRole('button', { name: 'Start run' }))
  return canvas
}

function cards(canvasElement: HTMLElement, state?: string) {
  return canvasElement.querySelectorAll(
    `[data-kvid-scene]${state ? `[data-state="${state}"]` : ''}`,
  )
}

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No scenes yet.')).toBeVisible()
  },
}

export const Planning: Story = {
  parameters: { harness: { fault: { stallAfterEvents: 2 } } },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-kvid-board]')).toHaveAttribute(
        'data-state',
        'streaming',
      ),
    )
    await expect(cards(canvasElement)).toHaveLength(0)
  },
}

export const RunningAt0Percent: Story = {
  parameters: { harness: { fault: { stallAfterEvents: eventsUntilCompleted(0) } } },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement, 'running')).toHaveLength(3))
    await expect(cards(canvasElement, 'pending')).toHaveLength(5)
  },
}

export const RunningAt50Percent: Story = {
  parameters: { harness: { fault: { stallAfterEvents: eventsUntilCompleted(4) } } },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement, 'complete')).toHaveLength(4))
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '4 of 8 scenes')
  },
}

export const Complete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement, 'complete')).toHaveLength(8))
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '8')
  },
}

export const FailedSceneAndRetry: Story = {
  parameters: { harness: { fault: { failScenes: [2, 5] } } },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    const retry = await canvas.findByRole('button', { name: 'Retry scene 3' })
    await waitFor(() => expect(retry).toBeEnabled())
    await expect(cards(canvasElement, 'failed')).toHaveLength(2)
    await userEvent.click(retry)
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-kvid-scene="scene-3"]')).toHaveAttribute(
        'data-state',
        'complete',
      ),
    )
    await expect(storySimulator().admin.requests().byRoute['POST /api/agent/retry-scene']).toBe(1)
  },
}

export const VoiceErrors: Story = {
  parameters: { harness: { fault: { failVoices: [0, 3] } } },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('[data-voice-error]')).toHaveLength(2),
    )
  },
}

export const Interrupted: Story = {
  parameters: { harness: { fault: { cutAfterEvents: 12 } } },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    await expect(await canvas.findByRole('alert')).toHaveAttribute('data-code', 'interrupted')
    await canvas.findByRole('button', { name: /Resume \d scenes/ })
    // Scenes that never started say the run was interrupted, not that they are waiting.
    const waiting = cards(canvasElement, 'pending')
    await expect(waiting.length).toBeGreaterThan(0)
    for (const card of waiting) {
      await expect(card.querySelector('[data-kvid-scene-status]')).toHaveTextContent('Interrupted')
    }
  },
}

export const Resumed: Story = {
  parameters: { harness: { fault: { cutAfterEvents: 12 } } },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    const resume = await canvas.findByRole('button', { name: /Resume \d scenes/ })
    await userEvent.click(resume)
    await waitFor(() => expect(cards(canvasElement, 'complete')).toHaveLength(8))
    const job = storySimulator().admin.jobs()[0]
    await expect(job?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  },
}

export const TwentyFourScenes: Story = {
  parameters: {
    harness: { message: 'An explainer about rivers in 24 scenes', simulator: { sceneMs: 60 } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement, 'complete')).toHaveLength(24))
  },
}

/** Card renders by plan position, counted by React's Profiler while the story runs. */
const cardUpdates: number[] = []

export const FiveHundredScenes: Story = {
  parameters: {
    harness: {
      message: 'An explainer about stars in 500 scenes',
      credits: 10_000,
      simulator: { sceneMs: 4, concurrency: 10, checkpointEvery: 100 },
    },
  },
  render: (_args, context) => (
    <StoryHarness locale={context.globals.locale} {...context.parameters.harness}>
      <SceneProgressBoard.Root>
        <SceneProgressBoard.Summary />
        <SceneProgressBoard.List
          renderScene={(index) => (
            <Profiler
              key={index}
              id={`scene-${index}`}
              onRender={(_id, phase) => {
                if (phase === 'update') cardUpdates[index] = (cardUpdates[index] ?? 0) + 1
              }}
            >
              <SceneProgressBoard.Scene index={index} />
            </Profiler>
          )}
        />
      </SceneProgressBoard.Root>
    </StoryHarness>
  ),
  play: async ({ canvasElement }) => {
    cardUpdates.length = 0
    const canvas = await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement)).toHaveLength(500))
    await waitFor(
      () => expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '500'),
      {
        timeout: 20_000,
      },
    )
    // A card renders again only for its own scene's two events (start, complete): never
    // for another scene's. Batched events can only make that fewer.
    await expect(cardUpdates.length).toBeLessThanOrEqual(500)
    for (const updates of cardUpdates) await expect(updates ?? 0).toBeLessThanOrEqual(2)
  },
}

export const Korean: Story = {
  globals: { locale: 'ko' },
  parameters: { harness: { fault: { failScenes: [1] } } },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    await waitFor(() =>
      expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '8개 장면 중 7개'),
    )
  },
}

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = await start(canvasElement)
    await waitFor(() =>
      expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '8 de 8 escenas'),
    )
  },
}

export const Dark: Story = {
  globals: { theme: 'dark' },
  parameters: {
    harness: { fault: { failScenes: [1], stallAfterEvents: eventsUntilCompleted(4) } },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await waitFor(() => expect(cards(canvasElement, 'complete').length).toBeGreaterThan(2))
  },
}
