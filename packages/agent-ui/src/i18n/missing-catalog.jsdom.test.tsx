import { screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { SceneProgressBoard } from '../scene-progress-board/scene-progress-board'
import { renderWithAgent, setupSimulator } from '../test-utils'

// jsdom only: in Node `process.env.NODE_ENV` can be changed at run time, as a bundler's
// production build fixes it at build time.
const simulator = setupSimulator()

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

it('says nothing about a missing catalog in production, and shows English', () => {
  vi.stubEnv('NODE_ENV', 'production')
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  renderWithAgent(<SceneProgressBoard />, simulator, { locale: 'ko' })
  expect(screen.getByRole('region').getAttribute('aria-label')).toBe('Scene progress')
  expect(warn).not.toHaveBeenCalled()
})
