import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useStallAfterMs } from './agent-context'
import { providerFor, setupSimulator } from './test-utils'

const handle = setupSimulator()

function StallAfter() {
  return <output>{useStallAfterMs()}</output>
}

describe('useStallAfterMs', () => {
  it("is the provider's stallAfterMs, and the stream's 60 s when it sets none", () => {
    const set = render(<StallAfter />, {
      wrapper: providerFor(handle.simulator, { stallAfterMs: 200 }),
    })
    expect(screen.getByRole('status').textContent).toBe('200')
    set.unmount()
    render(<StallAfter />, { wrapper: providerFor(handle.simulator) })
    expect(screen.getByRole('status').textContent).toBe('60000')
  })

  it('names itself outside a provider', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<StallAfter />)).toThrow(/useStallAfterMs must be used inside/)
    error.mockRestore()
  })
})
