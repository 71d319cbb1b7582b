import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { KvidAgentProvider } from './kvid-agent-provider'
import { checks, DEMO, EMPTY, LONG_VIDEO, providerFor, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useResumeCheck } from './use-resume-check'

const handle = setupSimulator()

function Check({ projectId }: { projectId?: number }) {
  const check = useResumeCheck({ projectId })
  const run = useAgentRun({ projectId })
  return (
    <div>
      <button type="button" onClick={() => run.start({ message: LONG_VIDEO, composition: EMPTY })}>
        Run {projectId ?? ''}
      </button>
      <output data-testid={`check-${projectId ?? 'default'}`}>
        {check.isLoading
          ? 'loading'
          : check.error
            ? `error:${check.error.message}`
            : (check.data?.jobId ?? 'none')}
      </output>
      <output data-testid={`status-${projectId ?? 'default'}`}>{run.status}</output>
    </div>
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('useResumeCheck', () => {
  it('is not asked while a run streams, and is asked once when it ends', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    render(<Check />, { wrapper: providerFor(simulator) })
    await waitFor(() => expect(screen.getByTestId('check-default').textContent).toBe('none'))
    expect(checks(simulator)).toBe(1)
    await userEvent.click(screen.getByRole('button', { name: /Run/ }))
    await waitFor(() => expect(screen.getByTestId('status-default').textContent).toBe('streaming'))
    expect(checks(simulator)).toBe(1)
    await waitFor(() => expect(screen.getByTestId('status-default').textContent).toBe('done'))
    await waitFor(() => expect(screen.getByTestId('check-default').textContent).toMatch(/^job_/))
    await sleep(50)
    expect(checks(simulator)).toBe(2)
  })

  it('asks once under StrictMode however many components watch, with a saved run restored', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    // A long video left resumable by a page that went away mid-run, its snapshot saved.
    simulator.admin.setFaults({ stallAfterEvents: 15 })
    const first = render(<Check />, { wrapper: providerFor(simulator, { storage }) })
    await userEvent.click(screen.getByRole('button', { name: /Run/ }))
    await waitFor(() => expect(storage.data.size).toBe(1))
    await sleep(50)
    first.unmount()
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    simulator.admin.setFaults({})
    const before = checks(simulator) ?? 0

    render(
      <>
        <Check />
        <Check />
      </>,
      { wrapper: providerFor(simulator, { storage, strict: true }) },
    )
    const jobId = simulator.admin.jobs()[0]?.jobId
    await waitFor(() =>
      expect(screen.getAllByTestId('check-default').map((check) => check.textContent)).toEqual([
        jobId,
        jobId,
      ]),
    )
    await sleep(100)
    expect((checks(simulator) ?? 0) - before).toBe(1)
  })

  it('does not retry a client error, and does not refetch on focus', async () => {
    const { simulator } = handle
    render(<Check />, { wrapper: providerFor(simulator, { apiKey: 'kvid_wrong' }) })
    await waitFor(() =>
      expect(screen.getByTestId('check-default').textContent).toMatch(
        /^error:Missing or invalid api-key/,
      ),
    )
    window.dispatchEvent(new Event('focus'))
    document.dispatchEvent(new Event('visibilitychange'))
    await sleep(50)
    expect(checks(simulator)).toBe(1)
  })

  it('uses the app’s QueryClient when there is one', async () => {
    const { simulator } = handle
    const queryClient = new QueryClient()
    render(
      <QueryClientProvider client={queryClient}>
        <KvidAgentProvider baseUrl={simulator.url} {...DEMO} projectId={5} storage={null}>
          <Check />
        </KvidAgentProvider>
      </QueryClientProvider>,
    )
    await waitFor(() => expect(screen.getByTestId('check-default').textContent).toBe('none'))
    const cached = queryClient.getQueryCache().findAll({ queryKey: ['kvidai', 'check-resume'] })
    expect(cached).toHaveLength(1)
    expect(cached[0]?.state.data).toBeNull()
  })

  it('keeps several providers independent', async () => {
    const { simulator } = handle
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 25 })
    simulator.admin.setUser('demo@example.com', { credits: 25 })
    function Both({ children }: { children?: ReactNode }) {
      return <>{children}</>
    }
    render(
      <Both>
        <KvidAgentProvider baseUrl={simulator.url} {...DEMO} projectId={1} storage={null}>
          <Check projectId={1} />
        </KvidAgentProvider>
        <KvidAgentProvider
          baseUrl={simulator.url}
          email="other@example.com"
          apiKey="kvid_other"
          projectId={1}
          storage={null}
        >
          <Check projectId={2} />
        </KvidAgentProvider>
      </Both>,
    )
    await waitFor(() => expect(screen.getByTestId('check-1').textContent).toBe('none'))
    await waitFor(() => expect(screen.getByTestId('check-2').textContent).toBe('none'))
    await userEvent.click(screen.getByRole('button', { name: 'Run 1' }))
    await waitFor(() => expect(screen.getByTestId('status-1').textContent).toBe('done'))
    await waitFor(() => expect(screen.getByTestId('check-1').textContent).toMatch(/^job_/))
    expect(screen.getByTestId('status-2').textContent).toBe('idle')
    expect(screen.getByTestId('check-2').textContent).toBe('none')
    expect(simulator.admin.getUser('other@example.com')?.credits).toBe(25)
  })

  it('asks again after a stop when the server had not yet noticed the stream close', async () => {
    const { simulator } = handle
    // The connection's end reaches the server 300 ms late, as across a real network.
    const lateFetch: typeof fetch = (input, init) => {
      const connection = new AbortController()
      init?.signal?.addEventListener('abort', () => setTimeout(() => connection.abort(), 300), {
        once: true,
      })
      return fetch(input, { ...init, signal: connection.signal })
    }
    simulator.admin.setFaults({ stallAfterEvents: 14 })
    function Stopper() {
      const run = useAgentRun()
      return (
        <button type="button" onClick={run.stop}>
          Stop
        </button>
      )
    }
    render(
      <>
        <Check />
        <Stopper />
      </>,
      { wrapper: providerFor(simulator, { fetch: lateFetch }) },
    )
    await waitFor(() => expect(screen.getByTestId('check-default').textContent).toBe('none'))
    await userEvent.click(screen.getByRole('button', { name: /Run/ }))
    await waitFor(() =>
      expect(
        simulator.admin.jobs()[0]?.scenes.filter((scene) => scene.generations > 0),
      ).toHaveLength(3),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(screen.getByTestId('status-default').textContent).toBe('stopped'))
    const jobId = simulator.admin.jobs()[0]?.jobId
    await waitFor(() => expect(screen.getByTestId('check-default').textContent).toBe(jobId))
    expect(checks(simulator)).toBe(3)
    await sleep(1500)
    expect(checks(simulator)).toBe(3)
  })
})
