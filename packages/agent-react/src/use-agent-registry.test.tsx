import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { providerFor, setupSimulator } from './test-utils'
import { useAgentRegistry } from './use-agent-registry'
import { useAgentStore } from './use-agent-selector'

const handle = setupSimulator()

describe('useAgentRegistry', () => {
  it('gives the provider’s registry, which lists the stores its hooks made', () => {
    const { result } = renderHook(
      () => ({ registry: useAgentRegistry(), store: useAgentStore(7) }),
      {
        wrapper: providerFor(handle.simulator),
      },
    )
    expect(result.current.registry.store(7)).toBe(result.current.store)
    expect(result.current.registry.projects()).toEqual([7])
  })

  it('says where it belongs when used outside the provider', () => {
    expect(() => renderHook(() => useAgentRegistry())).toThrow(/inside <KvidAgentProvider>/)
  })
})
