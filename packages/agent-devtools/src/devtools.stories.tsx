import type { AgentRecording } from '@kvidai/agent-core/recording'
import { KvidAgentProvider } from '@kvidai/agent-react'
import { createSimulator, type Simulator } from '@kvidai/agent-sim'
import { LONG_VIDEO_PROMPT, simulatorFetch, stageShortage } from '@kvidai/agent-sim/testing'
import { SceneProgressBoard } from '@kvidai/agent-ui'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { type ReactNode, useEffect, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import fixture from '../../agent-core/src/fixtures/long-video-ko.json'
import { KvidAgentDevtools } from './production'
import { BASE_URL, RunButtons } from './stories/story-parts'

/** A simulator in the page behind a provider in proxy mode: no server, no network. */
function Harness({ shortage, children }: { shortage?: boolean; children: ReactNode }) {
  const [simulator] = useState<Simulator>(() => {
    const created = createSimulator({ sceneMs: 120 })
    if (shortage) stageShortage(created, { scenes: 3 })
    return created
  })
  const [fetch] = useState(() => simulatorFetch(simulator, { basePath: '/api/kvid' }))
  useEffect(() => () => void simulator.close(), [simulator])
  return (
    <KvidAgentProvider baseUrl={BASE_URL} fetch={fetch} projectId={1} storage={null}>
      {children}
    </KvidAgentProvider>
  )
}

const meta = {
  title: 'Devtools/KvidAgentDevtools',
  component: KvidAgentDevtools,
  args: { initialIsOpen: true, initialHeight: 360 },
  render: (args, context) => (
    <Harness shortage={context.parameters.shortage}>
      <div style={{ display: 'grid', gap: '1rem', maxWidth: 720 }}>
        <RunButtons message={LONG_VIDEO_PROMPT} />
        <SceneProgressBoard />
      </div>
      <KvidAgentDevtools {...args} />
    </Harness>
  ),
} satisfies Meta<typeof KvidAgentDevtools>

export default meta
type Story = StoryObj<typeof meta>

/** Beside a running board: a long video runs short of credit; its shortage selected in the timeline. */
export const BesideARunningBoard: Story = {
  parameters: { shortage: true },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    await userEvent.click(page.getByRole('button', { name: 'Start' }))
    const runs = await page.findByRole('table', { name: 'Runs in this provider' })
    await waitFor(() => expect(within(runs).getByText('done')).toBeVisible(), { timeout: 20_000 })
    await userEvent.click(within(runs).getByRole('button', { name: 'Timeline of project 1' }))
    const timeline = page.getByRole('list', { name: 'Actions of project 1' })
    const shortage = within(timeline)
      .getAllByRole('button')
      .find((button) => button.dataset.type === 'insufficient_credit') as HTMLElement
    await userEvent.click(shortage)
    const details = page.getByRole('region', { name: 'The run after the selected action' })
    await expect(details.querySelector('[data-part="status"]')).toHaveTextContent('streaming')
  },
}

/** A recording loaded into the Replay tab (the Korean long-video fixture), stepped through. */
export const LoadedRecording: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    await userEvent.click(page.getByRole('tab', { name: 'Replay' }))
    const file = new File([JSON.stringify(fixture as AgentRecording)], 'long-video-ko.json', {
      type: 'application/json',
    })
    await userEvent.upload(page.getByLabelText('Import a recording'), file)
    const replay = await page.findByRole('region', { name: 'Replay of long-video-ko.json' })
    await userEvent.click(within(replay).getByRole('button', { name: 'Play 10×' }))
    await waitFor(() => expect(replay).toHaveAttribute('data-state', 'done'), { timeout: 20_000 })
    await expect(within(replay).getByText(/^shortage:/)).toBeVisible()
  },
}

/** No run yet: the panel says so. */
export const Empty: Story = {
  render: (args) => (
    <Harness>
      <KvidAgentDevtools {...args} />
    </Harness>
  ),
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    await expect(page.getByText(/No runs yet/)).toBeVisible()
  },
}

/** Closed: only the toggle in its corner. */
export const Closed: Story = {
  args: { initialIsOpen: false },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement.ownerDocument.body)
    await expect(page.getByRole('button', { name: 'Agent devtools' })).toBeVisible()
  },
}
