import { describe, expect, it } from 'vitest'
import { reduceRunAction } from '../state/reduce-run-action'
import type { RunAction, RunLogEntry } from '../state/run-action'
import { createInitialRunState } from '../state/run-state'
import { observeCompletion, planEstimate, readPace, timeLeftAt } from './estimate-time-left'
import { createScenePace } from './track-scene-pace'

describe('estimateTimeLeft', () => {
  it('has no basis without a plan estimate or a completed scene', () => {
    expect(planEstimate(0, 1000)).toBeNull()
    expect(timeLeftAt(null, 5000)).toBeNull()
    const none = { at: 1000, sceneMs: 0, lanes: 3, runningSince: [], waiting: 8 }
    expect(observeCompletion(null, none)).toBeNull()
  })

  it('counts the plan estimate down, and never below zero', () => {
    const plan = planEstimate(3, 0)
    expect(timeLeftAt(plan, 60_000)).toEqual({ remainingMs: 120_000, basis: 'plan' })
    expect(timeLeftAt(plan, 10 * 60_000)).toEqual({ remainingMs: 0, basis: 'plan' })
  })

  it('reads the pace from the lanes: a running scene keeps its lane, a waiting one takes the first free', () => {
    // Scenes take 60 s, three at a time. At 100 s two run (since 55 s and 70 s), five wait:
    // the lanes free 15, 30 and 0 s from now, and each of the five takes the first free one
    // (at 0, 15, 30, 60 and 75 s): the last ends at 135 s.
    const observation = { at: 100_000, sceneMs: 60_000, lanes: 3, waiting: 5 }
    expect(readPace({ ...observation, runningSince: [55_000, 70_000] })).toBe(135_000)
    // Nothing left, nothing to wait for.
    expect(readPace({ ...observation, waiting: 0, runningSince: [] })).toBe(0)
    // A scene past the mean is not done yet: it keeps a fifth of a scene.
    expect(readPace({ ...observation, waiting: 0, runningSince: [0] })).toBe(12_000)
    const estimate = observeCompletion(planEstimate(30, 0), {
      ...observation,
      runningSince: [55_000, 70_000],
    })
    expect(estimate).toEqual({ remainingMs: 135_000, at: 100_000, basis: 'pace' })
  })

  it('blends a new reading with the previous estimate counted down, so it does not jump', () => {
    const lane = { sceneMs: 10_000, lanes: 1, runningSince: [] }
    const first = observeCompletion(null, { ...lane, at: 10_000, waiting: 7 })
    expect(first?.remainingMs).toBe(70_000)
    // The next reading says much less; the estimate moves halfway to it.
    const second = observeCompletion(first, { ...lane, at: 12_000, sceneMs: 4_000, waiting: 5 })
    const counted = 70_000 - 2_000
    expect(second?.remainingMs).toBe((20_000 + counted) / 2)
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
    // Scenes took 30, 45 and 60 s: 45 s each. s3 has 15 s left and s4 30 s; three wait, and
    // take the lanes that free at 0, 15 and 30 s from now: the last ends at 75 s.
    expect(third.pace.timeLeft(third.state, 61_000)).toEqual({
      remainingMs: 75_000,
      basis: 'pace',
    })
    expect(third.pace.timeLeft(third.state, 71_000)?.remainingMs).toBe(65_000)
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
