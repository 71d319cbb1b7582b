import { describe, expect, it } from 'vitest'
import { reduceRunAction } from '../state/reduce-run-action'
import type { RunAction, RunLogEntry } from '../state/run-action'
import { createInitialRunState } from '../state/run-state'
import { observeCompletion, planEstimate, timeLeftAt } from './estimate-time-left'
import { createScenePace } from './track-scene-pace'

describe('estimateTimeLeft', () => {
  it('has no basis without a plan estimate or a completed scene', () => {
    expect(planEstimate(0, 1000)).toBeNull()
    expect(timeLeftAt(null, 5000)).toBeNull()
    expect(observeCompletion(null, { startedAt: 1000, at: 1000, completed: 0, left: 8 })).toBeNull()
  })

  it('counts the plan estimate down, and never below zero', () => {
    const plan = planEstimate(3, 0)
    expect(timeLeftAt(plan, 60_000)).toEqual({ remainingMs: 120_000, basis: 'plan' })
    expect(timeLeftAt(plan, 10 * 60_000)).toEqual({ remainingMs: 0, basis: 'plan' })
  })

  it('reads the pace as completions over elapsed time, not the mean scene duration', () => {
    // Three scenes ran side by side for 60 s each and all finished: 5 left at 3 per minute.
    const estimate = observeCompletion(planEstimate(30, 0), {
      startedAt: 0,
      at: 60_000,
      completed: 3,
      left: 5,
    })
    expect(estimate).toEqual({ remainingMs: 100_000, at: 60_000, basis: 'pace' })
  })

  it('blends a new reading with the previous estimate counted down, so it does not jump', () => {
    const first = observeCompletion(null, { startedAt: 0, at: 10_000, completed: 1, left: 7 })
    expect(first?.remainingMs).toBe(70_000)
    // A burst: two more finish at once, the raw reading halves; the estimate moves halfway.
    const second = observeCompletion(first, { startedAt: 0, at: 12_000, completed: 3, left: 5 })
    const raw = (5 * 12_000) / 3
    const counted = 70_000 - 2_000
    expect(second?.remainingMs).toBe((raw + counted) / 2)
  })
})

/** Feeds a made-up log, with times, through the reducer and a pace tracker. */
function replay(timed: Array<[number, RunAction]>) {
  const pace = createScenePace()
  let state = createInitialRunState(1)
  timed.forEach(([at, action], index) => {
    state = reduceRunAction(state, action)
    const entry: RunLogEntry = { sequence: index + 1, at, action }
    pace.listener(entry, state)
  })
  return { pace, state }
}

const sceneId = (index: number) => `s${index}`

describe('createScenePace', () => {
  const opening: Array<[number, RunAction]> = [
    [0, { type: 'request_sent', request: { kind: 'run' }, projectId: 1 }],
    [100, { type: 'plan_ready', data: { jobId: 'job', totalScenes: 8, estimatedMinutes: 4 } }],
    ...[0, 1, 2].map((index): [number, RunAction] => [
      1000,
      { type: 'scene_start', data: { sceneId: sceneId(index), sceneIndex: index } },
    ]),
  ]

  it('says the plan estimate before a scene completes', () => {
    const { pace, state } = replay(opening)
    expect(pace.timeLeft(state, 60_100)).toEqual({ remainingMs: 180_000, basis: 'plan' })
  })

  it('keeps the plan until the first wave of parallel scenes is through, then follows the pace', () => {
    const first = replay([
      ...opening,
      [31_000, { type: 'scene_complete', data: { sceneId: 's0' } }],
    ])
    // One of three parallel scenes done: its pace alone would read three times too slow.
    expect(first.pace.timeLeft(first.state, 31_000)?.basis).toBe('plan')
    const wave: Array<[number, RunAction]> = [
      ...opening,
      [31_000, { type: 'scene_complete', data: { sceneId: 's0' } }],
      [31_000, { type: 'scene_start', data: { sceneId: 's3', sceneIndex: 3 } }],
      [46_000, { type: 'scene_complete', data: { sceneId: 's1' } }],
      [46_000, { type: 'scene_start', data: { sceneId: 's4', sceneIndex: 4 } }],
      [61_000, { type: 'scene_complete', data: { sceneId: 's2' } }],
    ]
    const third = replay(wave)
    // Three scenes in 60 s since the first started, five left: 100 s.
    expect(third.pace.timeLeft(third.state, 61_000)).toEqual({
      remainingMs: 100_000,
      basis: 'pace',
    })
    expect(third.pace.timeLeft(third.state, 71_000)?.remainingMs).toBe(90_000)
    const ended = replay([
      ...wave,
      [62_000, { type: 'request_ended', outcome: { reason: 'aborted' } }],
    ])
    expect(ended.pace.timeLeft(ended.state, 62_000)).toBeNull()
  })

  it('says nothing for a run without a plan estimate until a scene completes', () => {
    const { pace, state } = replay([
      [0, { type: 'request_sent', request: { kind: 'resume', jobId: 'job' } }],
      [10, { type: 'scene_start', data: { sceneId: 's0', sceneIndex: 0 } }],
    ])
    expect(pace.timeLeft(state, 5000)).toBeNull()
  })
})
