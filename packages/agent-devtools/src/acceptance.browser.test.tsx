import type { AgentRunStore } from '@kvidai/agent-core'
import { DEMO_USER } from '@kvidai/agent-sim'
import { LONG_VIDEO_PROMPT, paidRequests, stageShortage } from '@kvidai/agent-sim/testing'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KvidAgentDevtools } from './production'
import {
  AgentHarness,
  countingFetch,
  expectAccessible,
  RunButtons,
  StoreProbe,
  setupSimulator,
} from './test-utils'

// Scenes slow enough that 10× is a real speed-up, fast enough for a test.
const simulator = setupSimulator({ sceneMs: 60 })

afterEach(() => vi.restoreAllMocks())

/** Requests the page itself sent over the network (fetch or XHR), by the browser's own count. */
function networkRequests(): number {
  return performance
    .getEntriesByType('resource')
    .filter((entry) =>
      ['fetch', 'xmlhttprequest'].includes((entry as PerformanceResourceTiming).initiatorType),
    ).length
}

describe('in Chromium: a long video with a shortage and a resume, rewound, exported and replayed', () => {
  it('shows the state where the shortage arrived, and replays the export at 10× into the same composition with no network', async () => {
    const user = userEvent.setup()
    stageShortage(simulator, { scenes: 3 })
    let live: AgentRunStore | undefined
    render(
      <AgentHarness simulator={simulator}>
        <StoreProbe onStore={(store) => (live = store)} />
        <RunButtons message={LONG_VIDEO_PROMPT} />
        <KvidAgentDevtools />
      </AgentHarness>,
    )
    const store = live as AgentRunStore

    // The run stops short of credit; the user tops up and resumes.
    await user.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() => expect(store.getState().status).toBe('done'))
    expect(store.getState().creditShortage).not.toBeNull()
    expect(store.getState().result?.resumeJobId).toBeTruthy()
    simulator.admin.setUser(DEMO_USER.email, { credits: 10_000 })
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(store.getState().request?.kind).toBe('resume'))
    await waitFor(() => expect(store.getState().status).toBe('done'))
    expect(store.getState().success).toBe(true)
    expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 1, total: 2 })
    const liveComposition = store.getState().composition
    expect(liveComposition?.tracks.length).toBeGreaterThan(0)

    // Open the devtools, find the shortage in the timeline and see the run as it was then.
    await user.click(screen.getByRole('button', { name: 'Agent devtools' }))
    await user.click(screen.getByRole('tab', { name: 'Timeline' }))
    const timeline = screen.getByRole('list', { name: 'Actions of project 1' })
    const shortage = within(timeline)
      .getAllByRole('button')
      .find((button) => button.dataset.type === 'insufficient_credit') as HTMLElement
    await user.click(shortage)
    const details = screen.getByRole('region', { name: 'The run after the selected action' })
    expect(details.querySelector('[data-part="status"]')?.textContent).toBe('streaming')
    expect(details.querySelector('[data-part="shortage"]')?.textContent).toMatch(
      /^shortage: 0 left/,
    )
    expect(details.querySelector('[data-field="creditShortage"]')).not.toBeNull()
    await expectAccessible(document.body)

    // Export: the download's file is the recording.
    let exported: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      exported = blob as Blob
      return 'blob:kvid-test'
    })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await user.click(screen.getByRole('button', { name: 'Export recording' }))
    const file = await (exported as Blob).text()
    expect(JSON.parse(file).log.length).toBeGreaterThan(0)

    // A fresh page: nothing of the live run is left; a fetch that counts what is sent.
    cleanup()
    vi.restoreAllMocks()
    const pageFetch = countingFetch(globalThis.fetch)
    const windowFetch = vi.spyOn(globalThis, 'fetch')
    const before = networkRequests()
    const simulatorRequests = simulator.admin.requests().total
    render(
      <AgentHarness simulator={simulator} fetch={pageFetch}>
        <KvidAgentDevtools initialIsOpen />
      </AgentHarness>,
    )
    await user.click(screen.getByRole('tab', { name: 'Replay' }))
    await user.upload(
      screen.getByLabelText('Import a recording'),
      new File([file], 'run.json', { type: 'application/json' }),
    )
    const replay = await screen.findByRole('region', { name: 'Replay of run.json' })
    await user.click(within(replay).getByRole('button', { name: 'Play 10×' }))
    await waitFor(() => expect(replay.dataset.state).toBe('playing'))
    await waitFor(() => expect(replay.dataset.state).toBe('done'), { timeout: 20_000 })
    await user.click(within(replay).getByRole('button', { name: 'Show Replayed composition JSON' }))
    const replayed = JSON.parse(replay.querySelector('pre[data-part="json"]')?.textContent ?? '')
    expect(replayed).toEqual(liveComposition)

    // Nothing went over the network, or even to the page's fetch, while it replayed.
    expect(pageFetch.calls).toBe(0)
    expect(windowFetch).not.toHaveBeenCalled()
    expect(networkRequests()).toBe(before)
    expect(simulator.admin.requests().total).toBe(simulatorRequests)
    await expectAccessible(document.body)
  })
})
