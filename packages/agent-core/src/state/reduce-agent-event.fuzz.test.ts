import type { AgentEvent } from '@kvidai/agent-protocol'
import { createEmptyComposition } from '@kvidai/agent-protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamErrorOf } from '../errors/agent-errors'
import { createAgentRunStore } from '../store/create-agent-run-store'
import { testClient } from '../test-utils'
import { reduceAgentEvent } from './reduce-agent-event'
import { reduceRunAction } from './reduce-run-action'
import type { RunAction, RunLogEntry } from './run-action'
import { type AgentRunState, createInitialRunState } from './run-state'

/**
 * Event orders a server may legally send: scenes start and end in any interleaving the
 * media queue allows, checkpoints land anywhere after the plan, failed scenes come back in
 * a resume stream that announces the plan again. Whatever the order, progress only moves
 * forward, totals add up, and a finished scene stays finished.
 */
const scenario = fc.integer({ min: 1, max: 24 }).chain((total) =>
  fc.record({
    total: fc.constant(total),
    outcomes: fc.array(fc.boolean(), { minLength: total, maxLength: total }),
    order: fc.shuffledSubarray(
      Array.from({ length: total * 2 }, (_, index) => index),
      { minLength: total * 2, maxLength: total * 2 },
    ),
    checkpoints: fc.array(fc.nat({ max: total * 2 }), { maxLength: 8 }),
  }),
)

function composition() {
  return createEmptyComposition()
}

/** Turns a shuffled set of slots into events where each scene's start precedes its end. */
function eventsOf({
  total,
  outcomes,
  order,
  checkpoints,
}: {
  total: number
  outcomes: boolean[]
  order: number[]
  checkpoints: number[]
}) {
  const events: AgentEvent[] = [
    { type: 'plan_ready', data: { jobId: 'job_1', totalScenes: total, estimatedMinutes: 1 } },
  ]
  const started = new Set<number>()
  const ended = new Set<number>()
  // Slot 2k and 2k+1 belong to scene k: whichever of them comes first is its start.
  order.forEach((slot, position) => {
    const scene = Math.floor(slot / 2)
    const sceneId = `scene-${scene + 1}`
    if (!started.has(scene)) {
      started.add(scene)
      events.push({ type: 'scene_start', data: { sceneId, sceneIndex: scene } })
    } else if (!ended.has(scene)) {
      ended.add(scene)
      events.push(
        outcomes[scene]
          ? { type: 'scene_complete', data: { sceneId } }
          : { type: 'scene_failed', data: { sceneId, error: 'provider timed out' } },
      )
    }
    if (checkpoints.includes(position))
      events.push({ type: 'checkpoint', data: { composition: composition() } })
  })
  const failed = outcomes.flatMap((success, scene) => (success ? [] : [scene]))
  events.push({
    type: 'done',
    data: {
      success: failed.length === 0,
      data: {
        message: 'first pass',
        composition: composition(),
        toolResults: [],
        projectId: 1,
        ...(failed.length > 0
          ? { resumeJobId: 'job_1', remainingScenes: failed.length, totalScenes: total }
          : {}),
      },
    },
  })
  if (failed.length > 0) {
    // The resume stream: the plan again, then the failed scenes, now succeeding.
    events.push({
      type: 'plan_ready',
      data: { jobId: 'job_1', totalScenes: total, estimatedMinutes: 1 },
    })
    for (const scene of failed)
      events.push({
        type: 'scene_start',
        data: { sceneId: `scene-${scene + 1}`, sceneIndex: scene },
      })
    for (const scene of failed)
      events.push({ type: 'scene_complete', data: { sceneId: `scene-${scene + 1}` } })
    events.push({
      type: 'done',
      data: {
        success: true,
        data: { message: 'resumed', composition: composition(), toolResults: [], projectId: 1 },
      },
    })
  }
  return events
}

describe('reducer under any legal order', () => {
  it('keeps progress monotone, totals consistent and finished scenes finished', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(scenario, (shape) => {
        let state = createInitialRunState(1)
        let completedBefore = 0
        const finished = new Set<string>()
        for (const event of eventsOf(shape)) {
          state = reduceAgentEvent(state, event)
          const scenes = Object.values(state.scenes)
          const completed = scenes.filter((scene) => scene.status === 'complete').length
          const failed = scenes.filter((scene) => scene.status === 'failed').length
          const running = scenes.filter((scene) => scene.status === 'running').length
          const pending = scenes.filter((scene) => scene.status === 'pending').length
          expect(completed).toBeGreaterThanOrEqual(completedBefore)
          completedBefore = completed
          expect(state.plan?.totalScenes).toBe(shape.total)
          expect(completed + failed + running + pending).toBe(scenes.length)
          expect(scenes.length).toBeLessThanOrEqual(shape.total)
          expect(new Set(state.sceneOrder).size).toBe(state.sceneOrder.length)
          for (const id of finished) expect(state.scenes[id]?.status).toBe('complete')
          for (const scene of scenes) if (scene.status === 'complete') finished.add(scene.sceneId)
        }
        expect(state.status).toBe('done')
        expect(finished.size).toBe(shape.total)
      }),
      { numRuns: process.env.CI ? 1000 : 200 },
    )
  })
})

/**
 * Where the lifecycle steps fall among the events: stalls and warnings at any position, and
 * optionally an early end (a cut, an error event, a stop) in place of some event.
 */
const lifecycle = fc.record({
  stalls: fc.uniqueArray(fc.nat({ max: 80 }), { maxLength: 4 }),
  warnings: fc.uniqueArray(fc.nat({ max: 80 }), { maxLength: 3 }),
  end: fc.option(
    fc.record({
      at: fc.nat({ max: 80 }),
      reason: fc.constantFrom('interrupted', 'error', 'aborted'),
    }),
    { nil: undefined },
  ),
})

type Lifecycle = typeof lifecycle extends fc.Arbitrary<infer Steps> ? Steps : never

/** How a request ends early, in place of its next event. */
function earlyEnding(reason: 'interrupted' | 'error' | 'aborted'): RunAction[] {
  if (reason === 'interrupted')
    return [{ type: 'request_ended', outcome: { reason: 'interrupted', cause: 'network' } }]
  if (reason === 'aborted') return [{ type: 'request_ended', outcome: { reason: 'aborted' } }]
  const failure = { type: 'error', data: { error: 'provider down' } } as const
  return [
    failure,
    { type: 'request_ended', outcome: { reason: 'error', error: streamErrorOf(failure) } },
  ]
}

/**
 * The actions a store logs for these events: each stream (up to its `done`) is a request,
 * sent and ended, with the lifecycle steps where they fall.
 */
function actionsOf(events: AgentEvent[], steps: Lifecycle): RunAction[] {
  const actions: RunAction[] = [{ type: 'request_sent', request: { kind: 'run' }, projectId: 1 }]
  for (const [position, event] of events.entries()) {
    const stalled = steps.stalls.includes(position)
    if (stalled) actions.push({ type: 'stall_changed', stalled: true })
    if (steps.warnings.includes(position))
      actions.push({
        type: 'warning',
        warning: { event: 'checkpoint', field: 'x', message: 'odd' },
      })
    if (steps.end?.at === position) return [...actions, ...earlyEnding(steps.end.reason)]
    if (stalled && event.type !== 'done') actions.push({ type: 'stall_changed', stalled: false })
    actions.push(event)
    if (event.type !== 'done') continue
    const { success, data } = event.data
    actions.push({ type: 'request_ended', outcome: { reason: 'done', success, result: data } })
    if (position < events.length - 1)
      actions.push({ type: 'request_sent', request: { kind: 'resume', jobId: 'job_1' } })
  }
  return actions
}

/** Folds the log step by step, checking each step against the state the store published. */
function expectEveryStepRebuilds(log: RunLogEntry[], published: AgentRunState[]) {
  let state = createInitialRunState(1)
  for (const [index, entry] of log.entries()) {
    state = reduceRunAction(state, entry.action)
    expect(state).toEqual(published[index])
  }
}

describe('a store fed any legal order', () => {
  it('logs every action, and each step of the log rebuilds its state, also from JSON', () => {
    fc.assert(
      fc.property(scenario, lifecycle, (shape, steps) => {
        // The client is never called: the actions are dispatched as the commands would.
        const client = testClient('http://127.0.0.1:9')
        const store = createAgentRunStore({ client, projectId: 1 })
        const log: RunLogEntry[] = []
        const published: AgentRunState[] = []
        store.subscribeActions((entry, state) => {
          log.push(entry)
          published.push(state)
        })
        const actions = actionsOf(eventsOf(shape), steps)
        for (const action of actions) store.dispatch(action)
        expect(log.map((entry) => entry.action)).toEqual(actions)
        expect(published.at(-1)).toBe(store.getState())
        expect(store.getState().stalled).toBe(false)
        expectEveryStepRebuilds(log, published)
        expectEveryStepRebuilds(JSON.parse(JSON.stringify(log)), published)
      }),
      { numRuns: process.env.CI ? 500 : 100 },
    )
  })
})
