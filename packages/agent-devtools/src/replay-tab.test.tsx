import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { type AgentRecording, createReplayFetch } from '@kvidai/agent-core/recording'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import fixture from '../../agent-core/src/fixtures/long-video-ko.json'
import { createActionLog } from './create-action-log'
import { exportRecording } from './export-recording'
import { KvidAgentDevtools } from './production'
import { AgentHarness, expectAccessible, setupSimulator } from './test-utils'

const simulator = setupSimulator()

/** The fixture played through a store, exported as the Timeline tab would. */
async function exportedFile(): Promise<File> {
  const client = createAgentClient({
    baseUrl: 'https://replay.invalid',
    fetch: createReplayFetch(fixture as AgentRecording, { speed: Number.POSITIVE_INFINITY }),
  })
  const store = createAgentRunStore({ client, projectId: 1 })
  const log = createActionLog(store)
  await store.start({ message: 'A long video', composition: { tracks: [] } })
  const recording = exportRecording({ projectId: 1, ...log.getView() })
  return new File([JSON.stringify(recording)], 'bug-report.json', { type: 'application/json' })
}

function renderPanel() {
  return render(
    <AgentHarness simulator={simulator}>
      <KvidAgentDevtools initialIsOpen />
    </AgentHarness>,
  )
}

describe('the Replay tab', () => {
  it('steps through a recording’s actions, plays it, and resets, with no request sent', async () => {
    const user = userEvent.setup()
    const sent = vi.spyOn(globalThis, 'fetch')
    const { container } = renderPanel()
    await user.click(screen.getByRole('tab', { name: 'Replay' }))
    expect(screen.getByText(/No recording loaded/)).toBeTruthy()
    await user.upload(screen.getByLabelText('Import a recording'), await exportedFile())
    const replay = await screen.findByRole('region', { name: 'Replay of bug-report.json' })
    expect(within(replay).getByText('1 request recorded')).toBeTruthy()

    await user.click(within(replay).getByRole('button', { name: 'Step' }))
    expect(within(replay).getByText('Step 1')).toBeTruthy()
    expect(replay.querySelector('[data-part="status"]')?.textContent).toBe('submitting')
    await user.click(within(replay).getByRole('button', { name: 'Step' }))
    expect(replay.querySelector('[data-part="status"]')?.textContent).toBe('streaming')

    await user.click(within(replay).getByRole('button', { name: 'Play 10×' }))
    await waitFor(() => expect(replay.dataset.state).toBe('done'))
    expect(within(replay).getByText(/^shortage:/)).toBeTruthy()
    await expectAccessible(container)

    await user.click(within(replay).getByRole('button', { name: 'Reset' }))
    expect(replay.querySelector('[data-part="status"]')?.textContent).toBe('idle')
    expect(sent).not.toHaveBeenCalled()
    sent.mockRestore()
  })

  it('says plainly when a file is not a recording', async () => {
    const user = userEvent.setup()
    renderPanel()
    await user.click(screen.getByRole('tab', { name: 'Replay' }))
    await user.upload(
      screen.getByLabelText('Import a recording'),
      new File(['{"hello":"world"}'], 'notes.json', { type: 'application/json' }),
    )
    expect((await screen.findByRole('alert')).textContent).toMatch(/not an agent recording/)
  })
})
