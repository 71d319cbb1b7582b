import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-core'
import { paceEvents } from '@kvidai/agent-sim'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { memo, Profiler } from 'react'
import { expect, it } from 'vitest'
import { EMPTY, providerFor, setupSimulator } from './test-utils'
import { useAgentRun } from './use-agent-run'
import { useAgentSelector } from './use-agent-selector'
import { useRunProgress, useSceneAt } from './use-run-state'

const SCENES = 500

/** The simulator's real stream, one event per task: every event gets a commit of its own. */
const pacedFetch = (input: RequestInfo | URL, init?: RequestInit) =>
  fetch(input, init).then(paceEvents)

const handle = setupSimulator({ sceneMs: 3, checkpointEvery: 100, credits: 100_000 })

it(`re-renders one scene card and the summary per scene event on a ${SCENES}-scene board`, async () => {
  const cardRenders: number[] = []
  let summaryRenders = 0
  let boardRenders = 0
  const mounted = new Set<number>()
  let pendingSceneIds = new Set<string>()
  let sceneEvents = 0
  const commits: Array<{ cards: number[]; summary: number; board: number; scenes: string[] }> = []
  let cardsThisCommit: number[] = []
  let summaryThisCommit = 0
  let boardThisCommit = 0
  const idsByIndex = new Map<number, string>()

  const Card = memo(function Card({ index }: { index: number }) {
    const scene = useSceneAt(index)
    cardRenders[index] = (cardRenders[index] ?? 0) + 1
    if (mounted.has(index)) cardsThisCommit.push(index)
    return <li data-state={scene?.status ?? 'pending'}>{index + 1}</li>
  })
  function Board() {
    const total = useAgentSelector((state) => state.plan?.totalScenes ?? 0)
    boardRenders++
    boardThisCommit++
    return (
      <ol>
        {Array.from({ length: total }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a plan position is the identity here
          <Card key={index} index={index} />
        ))}
      </ol>
    )
  }
  function Summary() {
    const progress = useRunProgress()
    summaryRenders++
    summaryThisCommit++
    return (
      <p data-testid="summary">
        {progress.completed} of {progress.total}
      </p>
    )
  }
  function onEvent(event: AgentEvent | UnknownAgentEvent) {
    if (event.type === 'scene_start') idsByIndex.set(event.data.sceneIndex, event.data.sceneId)
    if (event.type === 'scene_start' || event.type === 'scene_complete') {
      pendingSceneIds.add(event.data.sceneId)
      sceneEvents++
    }
  }
  let finish: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    finish = resolve
  })
  function Editor() {
    const run = useAgentRun({ onEvent, onDone: () => finish() })
    return (
      <button
        type="button"
        onClick={() =>
          run.start({
            message: `An explainer about rivers in ${SCENES} scenes`,
            composition: EMPTY,
          })
        }
      >
        Run
      </button>
    )
  }
  function onCommit() {
    for (let index = 0; index < cardRenders.length; index++)
      if (cardRenders[index]) mounted.add(index)
    commits.push({
      cards: cardsThisCommit,
      summary: summaryThisCommit,
      board: boardThisCommit,
      scenes: [...pendingSceneIds],
    })
    cardsThisCommit = []
    summaryThisCommit = 0
    boardThisCommit = 0
    pendingSceneIds = new Set()
  }

  render(
    <Profiler id="board" onRender={onCommit}>
      <Editor />
      <Summary />
      <Board />
    </Profiler>,
    { wrapper: providerFor(handle.simulator, { fetch: pacedFetch }) },
  )
  await userEvent.click(screen.getByRole('button', { name: 'Run' }))
  await finished
  await waitFor(() =>
    expect(screen.getByTestId('summary').textContent).toBe(`${SCENES} of ${SCENES}`),
  )

  expect(sceneEvents).toBe(SCENES * 2)
  // The board renders when mounted and once more when the plan arrives; never per scene.
  expect(boardRenders).toBe(2)
  const sceneCommits = commits.filter((commit) => commit.scenes.length > 0 && commit.board === 0)
  // One commit per scene event (the first scenes start in the plan's commit).
  expect(sceneCommits.length).toBeGreaterThanOrEqual(SCENES * 2 - 3)
  const indexOf = new Map([...idsByIndex].map(([index, id]) => [id, index]))
  for (const commit of sceneCommits) {
    expect(commit.scenes).toHaveLength(1)
    expect(commit.cards).toEqual([indexOf.get(commit.scenes[0] as string)])
    expect(commit.summary).toBe(1)
  }
  // Every card: mounted as a placeholder, then at most once per event of its own.
  expect(cardRenders).toHaveLength(SCENES)
  for (const renders of cardRenders) expect(renders).toBeLessThanOrEqual(3)
  expect(summaryRenders).toBeLessThanOrEqual(SCENES * 2 + 3)
}, 120_000)
