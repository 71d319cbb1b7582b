import type { Fault } from '@kvidai/agent-sim'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AgentErrorNotice } from '../agent-error-notice'
import { AgentPrompt } from '../agent-prompt/agent-prompt'
import { CompositionTimeline } from '../composition-timeline'
import { CreditShortageDialog } from '../credit-shortage-dialog/credit-shortage-dialog'
import { ResumeButton } from '../resume-button'
import { RunStatus } from '../run-status'
import { SceneProgressBoard } from '../scene-progress-board/scene-progress-board'
import { TemplateWarnings } from '../template-warnings'
import { ToolActivity } from '../tool-activity'
import { StoryHarness, storySimulator } from './story-harness'

type FaultName =
  | 'none'
  | 'failScenes'
  | 'failVoices'
  | 'cut'
  | 'stall'
  | 'malformed'
  | 'unknownEvent'

interface PlaygroundArgs {
  credits: number
  sceneMs: number
  scenes: number
  fault: FaultName
}

const FAULTS: Record<FaultName, Fault | undefined> = {
  none: undefined,
  failScenes: { failScenes: [1, 3] },
  failVoices: { failVoices: [0, 2] },
  cut: { cutAfterEvents: 10 },
  stall: { stallAfterEvents: 10 },
  malformed: { malformedAfterEvents: 8 },
  unknownEvent: { unknownEventAfterEvents: 4 },
}

function Editor({ scenes }: { scenes: number }) {
  return (
    <>
      <AgentPrompt composition={{ tracks: [] }} data-scenes={scenes} />
      <AgentErrorNotice />
      <RunStatus />
      <ResumeButton />
      <SceneProgressBoard />
      <CompositionTimeline />
      <TemplateWarnings />
      <ToolActivity />
      <CreditShortageDialog
        onTopUp={(event) => {
          event.preventDefault()
          storySimulator().admin.setUser('demo@example.com', { addCredits: 500 })
        }}
      />
    </>
  )
}

const meta = {
  title: 'Editor',
  args: { credits: 1000, sceneMs: 250, scenes: 8, fault: 'none' },
  argTypes: {
    credits: { control: { type: 'number', min: 0, step: 5 } },
    sceneMs: { control: { type: 'range', min: 20, max: 2000, step: 10 } },
    scenes: { control: { type: 'number', min: 1, max: 500 } },
    fault: { control: 'select', options: Object.keys(FAULTS) },
  },
  render: (args, context) => (
    <StoryHarness
      key={JSON.stringify(args)}
      locale={context.globals.locale}
      credits={args.credits}
      simulator={{ sceneMs: args.sceneMs }}
      fault={FAULTS[args.fault]}
    >
      <Editor scenes={args.scenes} />
    </StoryHarness>
  ),
} satisfies Meta<PlaygroundArgs>

export default meta
type Story = StoryObj<typeof meta>

/** The whole flow against a simulator in this page: set credits, speed, scenes and faults above. */
export const Playground: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.type(
      canvas.getByLabelText('Instruction'),
      `Make an explainer about the sea in ${args.scenes} scenes`,
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Run agent' }))
    await waitFor(() =>
      expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuemax', String(args.scenes)),
    )
  },
}

export const ShortEdit: Story = {
  args: { sceneMs: 200 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(
      canvas.getByLabelText('Instruction'),
      "Add a centered title 'Summer Sale' for 3 seconds",
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Run agent' }))
    await canvas.findByText('Added the text "Summer Sale" for 3 seconds.', {})
    await expect(
      canvasElement.querySelector('[data-kvid-item][data-type="text"]'),
    ).toHaveTextContent('Summer Sale')
  },
}

/** Keyboard only: a failed scene's Retry is refused for lack of credit, top up, try again. */
export const KeyboardWalk: Story = {
  args: { credits: 35, sceneMs: 60, scenes: 4, fault: 'none' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    storySimulator().admin.setFaults({ failScenes: [1] })
    await userEvent.click(canvas.getByLabelText('Instruction'))
    await userEvent.keyboard('An explainer about the sea in 4 scenes')
    await userEvent.tab()
    await userEvent.tab()
    await expect(canvas.getByRole('button', { name: 'Run agent' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    const retry = await canvas.findByRole('button', { name: 'Retry scene 2' })
    await waitFor(() => expect(retry).toBeEnabled())
    for (let step = 0; step < 20 && document.activeElement !== retry; step++) await userEvent.tab()
    await expect(retry).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    const dialog = await canvas.findByRole('dialog', {})
    await expect(dialog).toHaveAttribute('data-trigger', 'refused')
    await expect(within(dialog).getByRole('link', { name: 'Top up credits' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await userEvent.tab()
    await expect(within(dialog).getByRole('button', { name: 'Try again' })).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() =>
      expect(
        canvasElement.querySelectorAll('[data-kvid-scene][data-state="complete"]'),
      ).toHaveLength(4),
    )
    const requests = storySimulator().admin.requests().byRoute
    // The refused retry, then the same retry once more; nothing else was sent.
    await expect(requests['POST /api/agent/retry-scene']).toBe(2)
    await expect(requests['POST /api/agent/resume'] ?? 0).toBe(0)
  },
}
