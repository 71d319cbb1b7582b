import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-core'
import { useAgentRun } from '@kvidai/agent-react'
import { paceEvents, type Simulator } from '@kvidai/agent-sim'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler } from 'react'
import { expect, it } from 'vitest'
import { proxyFetch } from '../stories/proxy-fetch'
import { EMPTY, renderWithAgent, setupSimulator } from '../test-utils'
import { SceneProgressBoard } from './scene-progress-board'

const SCENES = 500
/** How long the announcer gathers completions. */
const ANNOUNCE_DELAY_MS = 1000
const simulator = setupSimulator({
  sceneMs: 2,
  concurrency: 4,
  checkpointEvery: 100,
  credits: 100_000,
})

/** The simulator's stream, one event per task: every event gets a commit of its own. */
function pacedFetch(target: Simulator) {
  const inner = proxyFetch(target)
  return (input: RequestInfo | URL, init?: RequestInit) => inner(input, init).then(paceEvents)
}

it(`re-renders one scene card and the summary per scene event, the announcer only when it speaks on a ${SCENES}-scene board`, {
  timeout: 120_000,
}, async () => {
  const changed = new Set<string>()
  const cardsThisCommit: number[] = []
  let summaryThisCommit = 0
  let announcerUpdates = 0
  let planThisCommit = false
  const commits: Array<{ scenes: string[]; cards: number[]; summary: number; plan: boolean }> = []
  const indexOf = new Map<string, number>()
  let finish: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })

  function onEvent(event: AgentEvent | UnknownAgentEvent) {
    if (event.type === 'plan_ready') planThisCommit = true
    if (event.type === 'scene_start') indexOf.set(event.data.sceneId, event.data.sceneIndex)
    if (event.type === 'scene_start' || event.type === 'scene_complete')
      changed.add(event.data.sceneId)
  }
  function Start() {
    const run = useAgentRun({ onEvent, onDone: () => finish() })
    return (
      <button
        type="button"
        onClick={() =>
          run.start({
            message: `An explainer about clouds in ${SCENES} scenes`,
            composition: EMPTY,
          })
        }
      >
        Start
      </button>
    )
  }
  function onCommit() {
    commits.push({
      scenes: [...changed],
      cards: [...cardsThisCommit],
      summary: summaryThisCommit,
      plan: planThisCommit,
    })
    changed.clear()
    cardsThisCommit.length = 0
    summaryThisCommit = 0
    planThisCommit = false
  }

  renderWithAgent(
    <Profiler id="page" onRender={onCommit}>
      <Start />
      <SceneProgressBoard.Root>
        <Profiler id="summary" onRender={() => summaryThisCommit++}>
          <SceneProgressBoard.Summary />
        </Profiler>
        <SceneProgressBoard.List
          renderScene={(index) => (
            <Profiler
              key={index}
              id={`scene-${index}`}
              onRender={(_id, phase) => phase === 'update' && cardsThisCommit.push(index)}
            >
              <SceneProgressBoard.Scene index={index} />
            </Profiler>
          )}
        />
        <Profiler
          id="announcer"
          onRender={(_id, phase) => phase === 'update' && announcerUpdates++}
        >
          <SceneProgressBoard.Announcer delayMs={ANNOUNCE_DELAY_MS} />
        </Profiler>
      </SceneProgressBoard.Root>
    </Profiler>,
    simulator,
    { fetch: pacedFetch(simulator) },
  )
  const startedAt = performance.now()
  await userEvent.click(screen.getByRole('button', { name: 'Start' }))
  await finished
  await waitFor(() =>
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      `${SCENES} of ${SCENES} scenes`,
    ),
  )

  // Commits of scene events after the plan arrived (the first cards mount with the plan).
  const sceneCommits = commits.filter((commit) => commit.scenes.length > 0 && !commit.plan)
  expect(sceneCommits.length).toBeGreaterThanOrEqual(SCENES * 2 - 8)
  for (const commit of sceneCommits) {
    expect(commit.scenes).toHaveLength(1)
    expect(commit.cards).toEqual([indexOf.get(commit.scenes[0] as string)])
    expect(commit.summary).toBe(1)
  }
  // The announcer renders when it speaks, at most once per gathering delay, not per event
  // (a thousand scene events): a few batches over the whole run.
  await waitFor(() =>
    expect(document.querySelector('[data-kvid-announcer]')?.textContent).toMatch(
      new RegExp(`${SCENES} of ${SCENES}\\.$`),
    ),
  )
  const batches = Math.ceil((performance.now() - startedAt) / ANNOUNCE_DELAY_MS)
  expect(announcerUpdates).toBeGreaterThan(0)
  expect(announcerUpdates).toBeLessThanOrEqual(batches)
  expect(announcerUpdates).toBeLessThan(SCENES / 10)
})
