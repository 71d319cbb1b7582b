import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { checks, EMPTY, LONG_VIDEO, posts, providerFor, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useResumeCheck } from './use-resume-check'
import { useRunProgress, useSceneAt } from './use-run-state'

const handle = setupSimulator()

function Editor({ message = LONG_VIDEO }: { message?: string }) {
  const run = useAgentRun()
  const check = useResumeCheck()
  const progress = useRunProgress()
  return (
    <div>
      <button type="button" onClick={() => run.start({ message, composition: EMPTY })}>
        Run
      </button>
      <button type="button" onClick={() => run.resume()}>
        Resume
      </button>
      <output data-testid="status">{run.status}</output>
      <output data-testid="progress">
        {progress.completed}/{progress.total}
      </output>
      <output data-testid="resumable">
        {check.data === undefined ? 'unknown' : (check.data?.remainingScenes ?? 'none')}
      </output>
    </div>
  )
}

function Board({ total }: { total: number }) {
  return (
    <ol>
      {Array.from({ length: total }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a plan position is the identity here
        <Card key={index} index={index} />
      ))}
    </ol>
  )
}

function Card({ index }: { index: number }) {
  const scene = useSceneAt(index)
  return <li data-state={scene?.status ?? 'pending'}>{index + 1}</li>
}

describe('useAgentRun', () => {
  it('sends nothing on a StrictMode double mount, and checks resume at most once', async () => {
    const { simulator } = handle
    render(<Editor />, { wrapper: providerFor(simulator, { strict: true }) })
    await waitFor(() => expect(screen.getByTestId('resumable').textContent).toBe('none'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(posts(simulator)).toBe(0)
    expect(checks(simulator)).toBe(1)
  })

  it('sends one POST for a double click on start', async () => {
    const { simulator } = handle
    render(<Editor message="Make an explainer about tides in 2 scenes." />, {
      wrapper: providerFor(simulator, { strict: true }),
    })
    // The first run's first byte is held, so the second click lands while it is in flight.
    simulator.admin.setFaults({ delayMs: 1000 })
    await userEvent.dblClick(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(1)
    expect(screen.getByTestId('progress').textContent).toBe('2/2')
  })

  it('aborts the stream on unmount; the job is resumable when the editor comes back', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    const wrapper = providerFor(simulator, { storage })
    // The stream goes quiet after the first finished scene, so the unmount lands mid-stream.
    simulator.admin.setFaults({ stallAfterEvents: 8 })
    const first = render(<Editor />, { wrapper })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('1/8'))
    first.unmount()
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    const scenesLeft = simulator.admin
      .jobs()[0]
      ?.scenes.filter((scene) => scene.status !== 'complete').length

    render(<Editor />, { wrapper })
    await waitFor(() =>
      expect(screen.getByTestId('resumable').textContent).toBe(String(scenesLeft)),
    )
    expect(posts(simulator)).toBe(1)
  })

  it('brings the board back after a reload, and resume finishes the rest once', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    const wrapper = providerFor(simulator, { storage })
    function Page() {
      return (
        <>
          <Editor />
          <Board total={8} />
        </>
      )
    }
    // The stream goes quiet after three finished scenes, so the reload lands mid-render.
    simulator.admin.setFaults({ stallAfterEvents: 15 })
    const first = render(<Page />, { wrapper })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('3/8'))
    const seen = first.container.querySelectorAll('li[data-state="complete"]').length
    expect(seen).toBe(3)
    first.unmount()
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    const job = simulator.admin.jobs()[0]
    const completed = job?.scenes.filter((scene) => scene.status === 'complete').length ?? 0
    expect(completed).toBe(seen)

    const { container } = render(<Page />, { wrapper })
    await waitFor(() =>
      expect(container.querySelectorAll('li[data-state="complete"]')).toHaveLength(seen),
    )
    expect(container.querySelectorAll('li[data-state="running"]')).toHaveLength(0)
    expect(container.querySelectorAll('li[data-state="pending"]')).toHaveLength(8 - seen)
    await waitFor(() =>
      expect(screen.getByTestId('resumable').textContent).toBe(String(8 - completed)),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    expect(container.querySelectorAll('li[data-state="complete"]')).toHaveLength(8)
    expect(
      simulator.admin.job(job?.jobId ?? '')?.scenes.every((scene) => scene.generations === 1),
    ).toBe(true)
    expect(posts(simulator)).toBe(2)
  })

  it('drops a saved run the server no longer has', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    const wrapper = providerFor(simulator, { storage })
    simulator.admin.setFaults({ stallAfterEvents: 8 })
    const first = render(<Editor />, { wrapper })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('1/8'))
    first.unmount()
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('resumable'))
    simulator.admin.reset()

    render(<Editor />, { wrapper })
    await waitFor(() => expect(screen.getByTestId('resumable').textContent).toBe('none'))
    // A run that was streaming is asked about again (after 1 s and 2 s more) before it goes.
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('0/0'))
    expect(storage.data.size).toBe(0)
  })

  it('keeps a restored run until the server notices the old page went away', async () => {
    const { simulator } = handle
    const storage = createMemoryStorage()
    simulator.admin.setFaults({ stallAfterEvents: 15 })
    const first = render(<Editor />, { wrapper: providerFor(simulator, { storage }) })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('3/8'))
    // A reload that lands before the old page is gone: the job still streams to it, so the
    // server has nothing to resume yet when the new page restores the run.
    const second = render(<Editor />, { wrapper: providerFor(simulator, { storage }) })
    const page = within(second.container)
    await waitFor(() => expect(page.getByTestId('resumable').textContent).toBe('none'))
    first.unmount()
    await waitFor(() => expect(page.getByTestId('resumable').textContent).toMatch(/^[1-8]$/))
    expect(page.getByTestId('progress').textContent).toMatch(/^[1-8]\/8$/)
    expect(page.getByTestId('status').textContent).toBe('interrupted')
  })

  it('calls the latest callbacks', async () => {
    const { simulator } = handle
    const first = vi.fn()
    const second = vi.fn()
    function Runner() {
      const [useSecond, setUseSecond] = useState(false)
      const run = useAgentRun({ onDone: useSecond ? second : first })
      return (
        <>
          <button type="button" onClick={() => setUseSecond(true)}>
            Switch
          </button>
          <button
            type="button"
            onClick={() => run.start({ message: "Add a title 'Hi'", composition: EMPTY })}
          >
            Run
          </button>
        </>
      )
    }
    render(<Runner />, { wrapper: providerFor(simulator) })
    await userEvent.click(screen.getByRole('button', { name: 'Switch' }))
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1))
    expect(first).not.toHaveBeenCalled()
    expect(second.mock.calls[0]?.[0].messageKey).toBe('Agent.edit.done.textAdded')
  })

  it('reports a reject through error and onError; start returns nothing, startAsync rejects', async () => {
    const { simulator } = handle
    simulator.admin.setUser('demo@example.com', { credits: 0 })
    const onError = vi.fn()
    let result: unknown = 'unset'
    let rejection: unknown
    function Runner() {
      const run = useAgentRun({ onError })
      return (
        <>
          <button
            type="button"
            onClick={() => {
              result = run.start({ message: LONG_VIDEO, composition: EMPTY })
            }}
          >
            Run
          </button>
          <button
            type="button"
            onClick={() => {
              run.startAsync({ message: LONG_VIDEO, composition: EMPTY }).catch((error) => {
                rejection = error
              })
            }}
          >
            Run async
          </button>
          <output data-testid="error">{run.error?.message}</output>
          <output data-testid="status">{run.status}</output>
        </>
      )
    }
    render(<Runner />, { wrapper: providerFor(simulator) })
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Run' })))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('rejected'))
    expect(result).toBeUndefined()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'INSUFFICIENT_CREDIT' }))
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Run async' })))
    await waitFor(() => expect(rejection).toMatchObject({ code: 'INSUFFICIENT_CREDIT' }))
    expect(posts(simulator)).toBe(2)
  })

  it('explains what to do when used outside the provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Editor />)).toThrow(/inside <KvidAgentProvider>/)
    spy.mockRestore()
  })
})

describe('app callbacks that throw', () => {
  it('are reported to the provider, and the run still reaches done', async () => {
    const { simulator } = handle
    const reported: string[] = []
    function Throwing() {
      const run = useAgentRun({
        onEvent: () => {
          throw new Error('onEvent broke')
        },
        onCheckpoint: () => {
          throw new Error('onCheckpoint broke')
        },
        onDone: () => {
          throw new Error('onDone broke')
        },
      })
      return (
        <div>
          <button
            type="button"
            onClick={() => run.start({ message: LONG_VIDEO, composition: EMPTY })}
          >
            Run
          </button>
          <output data-testid="status">{run.status}</output>
        </div>
      )
    }
    render(<Throwing />, {
      wrapper: providerFor(simulator, {
        onCallbackError: (_error, callback) => reported.push(callback),
      }),
    })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'))
    expect(new Set(reported)).toEqual(new Set(['onEvent', 'onCheckpoint', 'onDone']))
    expect(reported.filter((name) => name === 'onDone')).toHaveLength(1)
    expect(posts(simulator)).toBe(1)
  })
})

describe('keeping a run alive across unmounts', () => {
  function Panels() {
    const [shown, setShown] = useState(true)
    return (
      <>
        <button type="button" onClick={() => setShown((value) => !value)}>
          Toggle
        </button>
        {shown && <Editor message="Make an explainer about tides in 4 scenes." />}
      </>
    )
  }

  it('with stopOnUnmount false, a collapsed panel lets the run finish', async () => {
    const { simulator } = handle
    const finishes: Array<{ reason: string; projectId: number }> = []
    render(<Panels />, {
      wrapper: providerFor(simulator, {
        stopOnUnmount: false,
        onFinish: (finish) => finishes.push(finish),
      }),
    })
    // The stream holds its first byte, so the panel closes while the run is in flight.
    simulator.admin.setFaults({ delayMs: 300 })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    expect(screen.queryByTestId('status')).toBe(null)
    await waitFor(() => expect(simulator.admin.jobs()[0]?.status).toBe('complete'))
    await waitFor(() =>
      expect(finishes).toEqual([
        {
          reason: 'done',
          projectId: 1,
          request: { kind: 'run' },
          result: expect.any(Object),
          success: true,
        },
      ]),
    )
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    expect(screen.getByTestId('status').textContent).toBe('done')
    expect(posts(simulator)).toBe(1)
  })

  it('by default, the last panel to close stops the run, and says so', async () => {
    const { simulator } = handle
    const finishes: string[] = []
    render(<Panels />, {
      wrapper: providerFor(simulator, { onFinish: (finish) => finishes.push(finish.reason) }),
    })
    simulator.admin.setFaults({ delayMs: 300 })
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    await waitFor(() => expect(finishes).toEqual(['stopped']))
    await userEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    expect(screen.getByTestId('status').textContent).toBe('stopped')
    expect(posts(simulator)).toBe(1)
  })
})
