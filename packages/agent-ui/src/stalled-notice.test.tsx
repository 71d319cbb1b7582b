import { act } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { StalledNotice } from './stalled-notice'
import { expectAccessible, renderWithAgent, setupSimulator } from './test-utils'

const simulator = setupSimulator()

afterEach(() => {
  vi.useRealTimers()
})

describe('StalledNotice', () => {
  it('counts the quiet from the stall plus the silence before it, and moves on with time', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const { container } = renderWithAgent(
      <StalledNotice projectId={undefined} stallAfterMs={50_000} />,
      simulator,
    )
    const text = () => container.querySelector('p')?.textContent
    expect(text()).toMatch(/^No news from the agent for 50 sec — still waiting\./)
    // Under a minute it moves on in steps of 10 s, so a live region is not read every second.
    act(() => vi.advanceTimersByTime(9_000))
    expect(text()).toMatch(/for 50 sec/)
    act(() => vi.advanceTimersByTime(1_000))
    expect(text()).toMatch(/for 1 min/)
    act(() => vi.advanceTimersByTime(60_000))
    expect(text()).toMatch(/for 2 min/)
    act(() => vi.advanceTimersByTime(60_000))
    expect(text()).toMatch(/for 3 min/)
    vi.useRealTimers()
    await expectAccessible(container)
  })
})
