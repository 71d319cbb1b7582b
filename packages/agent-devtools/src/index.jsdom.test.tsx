import { render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, setupSimulator } from './test-utils'

const simulator = setupSimulator()

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

/** Renders an entry freshly imported (under the stubbed NODE_ENV) in a provider of the same module graph. */
async function renderEntry(entry: 'index' | 'production') {
  const { KvidAgentDevtools } = await (entry === 'index'
    ? import('./index')
    : import('./production'))
  const { KvidAgentProvider } = await import('@kvidai/agent-react')
  const { simulatorFetch } = await import('@kvidai/agent-sim/testing')
  return render(
    <KvidAgentProvider
      baseUrl={BASE_URL}
      fetch={simulatorFetch(simulator, { basePath: '/api/kvid' })}
      projectId={1}
      storage={null}
    >
      <KvidAgentDevtools />
    </KvidAgentProvider>,
  )
}

describe('the default entry', () => {
  it('renders the devtools outside production', async () => {
    vi.stubEnv('NODE_ENV', 'development')
    const { container } = await renderEntry('index')
    expect(container.querySelector('[data-kvid-devtools]')).not.toBeNull()
  })

  it('renders nothing in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const { container } = await renderEntry('index')
    expect(container.innerHTML).toBe('')
  })

  it('leaves the production entry showing the devtools in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const { container } = await renderEntry('production')
    expect(container.querySelector('[data-kvid-devtools]')).not.toBeNull()
  })
})
