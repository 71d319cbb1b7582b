import type { AgentRunStore } from '@kvidai/agent-core'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { expect, it } from 'vitest'
import { EMPTY, providerFor, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useAgentStore } from './use-agent-selector'
import { useResumeCheck } from './use-resume-check'
import {
  useComposition,
  useRunProgress,
  useSceneAt,
  useSceneIds,
  useToolCalls,
} from './use-run-state'

const handle = setupSimulator({ sceneMs: 20 })
const CYCLES = 1000

/** Counts live subscriptions to a store: every hook that reads it subscribes once. */
function countSubscriptions(store: AgentRunStore) {
  const counter = { live: 0 }
  const subscribe = store.subscribe
  store.subscribe = (listener) => {
    counter.live++
    const unsubscribe = subscribe(listener)
    return () => {
      counter.live--
      unsubscribe()
    }
  }
  return counter
}

function Board() {
  useAgentRun({ onEvent: () => {} })
  useResumeCheck()
  useSceneIds()
  useRunProgress()
  useComposition()
  useToolCalls()
  useSceneAt(0)
  useSceneAt(1)
  return null
}

function forceGc() {
  ;(globalThis as { gc?: () => void }).gc?.()
}

it(`mounts and unmounts a board ${CYCLES} times mid-stream; subscriptions and heap come back`, {
  timeout: 120_000,
}, async () => {
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function')
  const { simulator } = handle
  // The stream stays open but quiet, so the run's own state does not grow meanwhile.
  simulator.admin.setFaults({ stallAfterEvents: 6 })
  let counter = { live: 0 }
  let toggle: (shown: boolean) => void = () => {}
  function Page() {
    const store = useAgentStore()
    const [counted] = useState(() => {
      counter = countSubscriptions(store)
      return true
    })
    const run = useAgentRun()
    const [shown, setShown] = useState(false)
    toggle = setShown
    return (
      <>
        <button
          type="button"
          onClick={() => run.start({ message: 'An explainer in 8 scenes', composition: EMPTY })}
        >
          Start
        </button>
        <output data-testid="status">{run.status}</output>
        {counted && shown && <Board />}
      </>
    )
  }
  render(<Page />, { wrapper: providerFor(simulator) })
  await userEvent.click(screen.getByRole('button', { name: 'Start' }))
  await waitFor(() =>
    expect(
      simulator.admin.jobs()[0]?.scenes.filter((scene) => scene.status === 'running'),
    ).toHaveLength(3),
  )
  expect(screen.getByTestId('status').textContent).toBe('streaming')

  const cycle = (times: number) => {
    for (let index = 0; index < times; index++) {
      act(() => toggle(true))
      act(() => toggle(false))
    }
  }
  cycle(50)
  forceGc()
  const baseline = { live: counter.live, heap: process.memoryUsage().heapUsed }
  act(() => toggle(true))
  // The board's hooks do subscribe: the count below is not vacuous.
  expect(counter.live).toBeGreaterThanOrEqual(baseline.live + 6)
  act(() => toggle(false))
  cycle(CYCLES)
  forceGc()
  await new Promise((resolve) => setTimeout(resolve, 50))
  forceGc()
  expect(counter.live).toBe(baseline.live)
  const grown = process.memoryUsage().heapUsed - baseline.heap
  expect(grown).toBeLessThan(4 * 1024 * 1024)
  // Still one stream, still the same run: nothing the board did reached the network.
  expect(screen.getByTestId('status').textContent).toBe('streaming')
  expect(simulator.admin.requests().byRoute['POST /api/agent']).toBe(1)
})
