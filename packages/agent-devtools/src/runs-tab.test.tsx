import { createAgentRunRegistry } from '@kvidai/agent-core'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RunsTab } from './runs-tab'
import { expectAccessible } from './test-utils'

function registryFor() {
  const registry = createAgentRunRegistry({
    baseUrl: 'http://sim.local',
    storage: null,
    crossTab: false,
  })
  registry.store(7)
  return registry
}

describe('RunsTab', () => {
  it('says which tab sends each run: this one, or another it mirrors', async () => {
    const registry = registryFor()
    const { container, rerender } = render(
      <RunsTab registry={registry} projects={[7]} onSelect={() => {}} />,
    )
    const owner = () => container.querySelector('tr[data-project="7"] [data-part="owner"]')
    expect(owner()?.textContent).toBe('this tab')
    const mirroring = { ...registry, isMirroring: (projectId: number) => projectId === 7 }
    rerender(<RunsTab registry={mirroring} projects={[7]} onSelect={() => {}} />)
    expect(owner()?.textContent).toBe('another tab')
    expect(screen.getByRole('columnheader', { name: 'Tab' })).toBeTruthy()
    await expectAccessible(container)
  })
})
