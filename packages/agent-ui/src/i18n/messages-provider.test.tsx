import { screen } from '@testing-library/react'
import { expect, it } from 'vitest'
import { SceneProgressBoard } from '../scene-progress-board/scene-progress-board'
import { renderWithAgent, setupSimulator } from '../test-utils'
import { KvidMessagesProvider } from './messages-provider'

const simulator = setupSimulator()

it('lets the host replace any message by key, keeping the rest', () => {
  renderWithAgent(
    <KvidMessagesProvider messages={{ 'board.empty': 'Nothing rendered yet — ask the agent!' }}>
      <SceneProgressBoard />
    </KvidMessagesProvider>,
    simulator,
  )
  expect(screen.getByText('Nothing rendered yet — ask the agent!')).toBeTruthy()
  expect(screen.getByRole('region').getAttribute('aria-label')).toBe('Scene progress')
})
