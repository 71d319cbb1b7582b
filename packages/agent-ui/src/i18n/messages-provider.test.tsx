import { screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { ko } from '../locales/ko'
import { ResumeButton } from '../resume-button'
import { SceneProgressBoard } from '../scene-progress-board/scene-progress-board'
import { renderWithAgent, setupSimulator } from '../test-utils'
import { KvidMessagesProvider } from './messages-provider'

const simulator = setupSimulator()

afterEach(() => vi.restoreAllMocks())

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

it('speaks Korean when the ko catalog is supplied, overrides from an outer provider still applied', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  renderWithAgent(
    <KvidMessagesProvider messages={{ 'board.empty': '장면을 기다리는 중' }}>
      <KvidMessagesProvider catalogs={{ ko }}>
        <SceneProgressBoard />
      </KvidMessagesProvider>
    </KvidMessagesProvider>,
    simulator,
    { locale: 'ko' },
  )
  expect(screen.getByRole('region').getAttribute('aria-label')).toBe('장면 진행 상황')
  expect(screen.getByText('장면을 기다리는 중')).toBeTruthy()
  expect(warn).not.toHaveBeenCalled()
})

it('falls back to English and warns once, naming the import, when the locale has no catalog', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  renderWithAgent(
    <>
      <SceneProgressBoard />
      <ResumeButton />
    </>,
    simulator,
    { locale: 'es' },
  )
  expect(screen.getByRole('region').getAttribute('aria-label')).toBe('Scene progress')
  expect(warn).toHaveBeenCalledOnce()
  const [message] = warn.mock.calls[0] as [string]
  expect(message).toContain(`import { es } from '@kvidai/agent-ui/locales/es'`)
  expect(message).toContain('<KvidMessagesProvider catalogs={{ es }}>')
})
