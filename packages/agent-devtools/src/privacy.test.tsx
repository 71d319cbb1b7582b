import type { AgentRunStore } from '@kvidai/agent-core'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { KvidAgentDevtools } from './production'
import { AgentHarness, StoreProbe, setupSimulator } from './test-utils'

const simulator = setupSimulator()

describe('what the panel shows and exports', () => {
  it('never shows or exports a credential or an email the server put in a run', async () => {
    const user = userEvent.setup()
    let store: AgentRunStore | undefined
    render(
      <AgentHarness simulator={simulator}>
        <StoreProbe onStore={(found) => (store = found)} />
        <KvidAgentDevtools initialIsOpen />
      </AgentHarness>,
    )
    act(() =>
      store?.dispatch({
        type: 'done',
        data: {
          success: true,
          data: {
            message: 'Done',
            composition: null,
            toolResults: [],
            projectId: 1,
            email: 'someone@example.com',
            owner: { apiKey: 'kvid_live_secret', authorization: 'Bearer abc' },
          },
        },
      }),
    )
    await user.click(screen.getByRole('tab', { name: 'Timeline' }))
    const timeline = screen.getByRole('list', { name: 'Actions of project 1' })
    await user.click(within(timeline).getByRole('button'))
    const details = screen.getByRole('region', { name: 'The run after the selected action' })
    expect(details.querySelector('[data-field="result"]')?.textContent).toContain('[scrubbed]')
    expect(document.body.textContent).not.toMatch(/example\.com|kvid_live|Bearer/)

    let exported: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      exported = blob as Blob
      return 'blob:kvid-test'
    })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await user.click(screen.getByRole('button', { name: 'Export recording' }))
    const file = await (exported as Blob).text()
    expect(file).toContain('[scrubbed]')
    expect(file).not.toMatch(/example\.com|kvid_live|Bearer/)
    vi.restoreAllMocks()
  })
})
