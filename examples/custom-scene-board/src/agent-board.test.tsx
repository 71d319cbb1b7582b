import { KvidAgentProvider } from '@kvidai/agent-react'
import { createSimulator, type Simulator } from '@kvidai/agent-sim'
import {
  DEMO_USER,
  generations,
  LONG_VIDEO_PROMPT,
  paidRequests,
  runsSettled,
  simulatorFetch,
  stageShortage,
} from '@kvidai/agent-sim/testing'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { AgentBoard } from './agent-board'

let simulator: Simulator

beforeEach(() => {
  simulator = createSimulator({ sceneMs: 10 })
})
afterEach(async () => {
  await runsSettled(simulator)
  await simulator.close()
})

/**
 * The board as the app mounts it, with the kit standing in for the `/api/kvid` proxy route
 * and the Agent API behind it: the browser side sends no key, as in production.
 */
function renderBoard() {
  const fetch = simulatorFetch(simulator, { basePath: '/api/kvid' })
  render(
    <KvidAgentProvider
      baseUrl="https://app.test/api/kvid"
      fetch={fetch}
      projectId={1}
      storage={null}
    >
      <AgentBoard />
    </KvidAgentProvider>,
  )
}

/** Fails on any accessibility violation axe finds in what is on screen. */
async function expectAccessible() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

async function startLongVideo(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Instruction'), LONG_VIDEO_PROMPT)
  await user.click(screen.getByRole('button', { name: 'Run' }))
}

function sceneStates() {
  const board = screen.getByRole('region', { name: 'Scenes' })
  return within(board)
    .getAllByRole('listitem')
    .map((card) => card.dataset.state)
}

it('fills the board as scenes land, until every scene is done', async () => {
  const user = userEvent.setup()
  renderBoard()

  await startLongVideo(user)

  await waitFor(() => expect(screen.getByText('8 of 8 scenes done')).toBeTruthy())
  expect(sceneStates()).toEqual(Array(8).fill('complete'))
  expect(screen.getByRole('button', { name: 'Run' })).toBeTruthy()
  expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 0 })
  await expectAccessible()
})

it('tells of a credit shortage, and its Resume finishes the same job after a top-up', async () => {
  stageShortage(simulator, { scenes: 3 })
  const user = userEvent.setup()
  renderBoard()

  await startLongVideo(user)

  const notice = await screen.findByRole('alert', { name: 'Not enough credits' })
  expect(notice.textContent).toContain('Credits ran out after 3 of 8 scenes.')
  expect(screen.getByText('3 of 8 scenes done')).toBeTruthy()
  // The server still holds the job: the banner from check-resume offers it too.
  await screen.findByText('5 of 8 scenes are left.')
  await expectAccessible()

  simulator.admin.setUser(DEMO_USER.email, { addCredits: 100 })
  await user.click(within(notice).getByRole('button', { name: 'Resume' }))

  await waitFor(() => expect(screen.getByText('8 of 8 scenes done')).toBeTruthy())
  expect(sceneStates()).toEqual(Array(8).fill('complete'))
  expect(screen.queryByRole('alert', { name: 'Not enough credits' })).toBeNull()
  await waitFor(() => expect(screen.queryByText(/scenes are left/)).toBeNull())
  // One run and one resume; no scene was made twice.
  expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 1 })
  const jobId = simulator.admin.jobs()[0]?.jobId
  expect(generations(simulator, jobId)).toEqual(Array(8).fill(1))
})
