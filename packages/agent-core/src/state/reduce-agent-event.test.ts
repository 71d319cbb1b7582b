import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { createEmptyComposition } from '@kvidai/agent-protocol'
import { describe, expect, it } from 'vitest'
import { reduceAgentEvent, settleRunningScenes } from './reduce-agent-event'
import { type AgentRunState, createInitialRunState } from './run-state'

function fold(events: Array<AgentEvent | UnknownAgentEvent>, state = createInitialRunState(1234)) {
  return events.reduce(reduceAgentEvent, { ...state, status: 'submitting' } as AgentRunState)
}

const plan: AgentEvent = {
  type: 'plan_ready',
  data: { jobId: 'job_1', totalScenes: 3, estimatedMinutes: 2 },
}
const start = (index: number): AgentEvent => ({
  type: 'scene_start',
  data: { sceneId: `scene-${index + 1}`, sceneIndex: index },
})
const complete = (index: number, voiceError?: string): AgentEvent => ({
  type: 'scene_complete',
  data: { sceneId: `scene-${index + 1}`, ...(voiceError && { voiceError }) },
})
const failed = (index: number): AgentEvent => ({
  type: 'scene_failed',
  data: { sceneId: `scene-${index + 1}`, error: 'provider timed out' },
})
const composition = { ...createEmptyComposition(), tracks: [{ id: 'track-1', items: [] }] }

describe('reduceAgentEvent', () => {
  it('folds a plan and its scenes, ordered by index', () => {
    const state = fold([plan, start(2), start(0), complete(2, 'no voice'), failed(0), start(1)])
    expect(state.status).toBe('streaming')
    expect(state.jobId).toBe('job_1')
    expect(state.plan).toEqual({ totalScenes: 3, estimatedMinutes: 2 })
    expect(state.sceneOrder).toEqual(['scene-1', 'scene-2', 'scene-3'])
    expect(state.scenes['scene-3']).toMatchObject({
      status: 'complete',
      voiceError: 'no voice',
      attempts: 1,
    })
    expect(state.scenes['scene-1']).toMatchObject({ status: 'failed', error: 'provider timed out' })
    expect(state.scenes['scene-2']).toMatchObject({ status: 'running', attempts: 1 })
  })

  it('tracks tool calls by toolUseId', () => {
    const state = fold([
      { type: 'tool_start', data: { toolUseId: 't1', toolName: 'plan_long_video' } },
      { type: 'tool_start', data: { toolUseId: 't2', toolName: 'generate_image' } },
      {
        type: 'tool_end',
        data: { toolUseId: 't2', toolName: 'generate_image', success: false, error: 'no' },
      },
    ])
    expect(state.toolCalls.t1?.status).toBe('running')
    expect(state.toolCalls.t2).toMatchObject({ status: 'failed', error: 'no' })
  })

  it('keeps the latest composition, warnings, shortage and the done result', () => {
    const final = { ...composition, fps: 25 }
    const state = fold([
      { type: 'template_warning', data: { severity: 'warning', field: 'voice', message: 'x' } },
      plan,
      { type: 'checkpoint', data: { composition } },
      {
        type: 'insufficient_credit',
        data: { completedScenes: 1, totalScenes: 3, remainingCredit: 2, estPerScene: 10 },
      },
      {
        type: 'done',
        data: {
          success: false,
          data: {
            message: 'Credits ran out',
            messageKey: 'Agent.longVideo.done.insufficientCredit',
            messageParams: { completedScenes: 1 },
            composition: final,
            toolResults: [],
            projectId: 1234,
            resumeJobId: 'job_1',
            remainingScenes: 2,
            tokenUsage: { inputTokens: 1, outputTokens: 2, creditCost: 3 },
          },
        },
      },
    ])
    expect(state.status).toBe('done')
    expect(state.success).toBe(false)
    expect(state.composition).toBe(final)
    expect(state.templateWarnings).toHaveLength(1)
    expect(state.creditShortage?.remainingCredit).toBe(2)
    expect(state.result).toMatchObject({
      resumeJobId: 'job_1',
      remainingScenes: 2,
      tokenUsage: { creditCost: 3 },
    })
  })

  it('replaces only what an event changes', () => {
    const before = fold([
      plan,
      start(0),
      start(1),
      complete(0),
      { type: 'checkpoint', data: { composition } },
    ])
    const after = reduceAgentEvent(before, complete(1))
    expect(after).not.toBe(before)
    expect(after.scenes).not.toBe(before.scenes)
    expect(after.scenes['scene-2']).not.toBe(before.scenes['scene-2'])
    expect(after.scenes['scene-1']).toBe(before.scenes['scene-1'])
    expect(after.sceneOrder).toBe(before.sceneOrder)
    expect(after.toolCalls).toBe(before.toolCalls)
    expect(after.composition).toBe(before.composition)
    expect(after.templateWarnings).toBe(before.templateWarnings)

    const checkpoint = reduceAgentEvent(after, { type: 'checkpoint', data: { composition } })
    expect(checkpoint.scenes).toBe(after.scenes)
    const added = reduceAgentEvent(after, start(2))
    expect(added.sceneOrder).toEqual(['scene-1', 'scene-2', 'scene-3'])
    expect(added.scenes['scene-1']).toBe(after.scenes['scene-1'])
    expect(added.scenes['scene-2']).toBe(after.scenes['scene-2'])
  })

  it('keeps a long run whole: every scene, in index order, untouched ones by identity', () => {
    const total = 600
    // Scenes start out of order, as a concurrent queue sends them, then finish in reverse.
    const order = Array.from({ length: total }, (_, index) => (index * 7) % total)
    const started = fold([
      { ...plan, data: { ...plan.data, totalScenes: total } } as AgentEvent,
      ...order.map(start),
    ])
    const lastId = `scene-${(order[0] as number) + 1}`
    let state = started
    for (const index of [...order].reverse()) {
      state = reduceAgentEvent(state, complete(index))
      if (index !== order[0]) expect(state.scenes[lastId]).toBe(started.scenes[lastId])
    }
    const ids = Array.from({ length: total }, (_, index) => `scene-${index + 1}`)
    expect(state.sceneOrder).toEqual(ids)
    expect(Object.keys(state.scenes)).toHaveLength(total)
    expect(Object.values(state.scenes).every((scene) => scene.status === 'complete')).toBe(true)
    expect(started.scenes[lastId]?.status).toBe('running')
  })

  it('ignores unknown and heartbeat events without a new state', () => {
    const state = fold([plan])
    expect(reduceAgentEvent(state, { type: 'unknown', name: 'x', data: 1 })).toBe(state)
    expect(reduceAgentEvent(state, { type: 'heartbeat', data: {} })).toBe(state)
  })

  it('folds a resume of the same job into the same scenes', () => {
    const first = settleRunningScenes(
      fold([plan, start(0), start(1), complete(0), failed(1), start(2)]),
    )
    expect(first.scenes['scene-3']?.status).toBe('pending')
    const resumed = fold([plan, start(1), start(2), complete(1), complete(2)], first)
    expect(resumed.scenes['scene-1']).toBe(first.scenes['scene-1'])
    expect(resumed.sceneOrder).toEqual(['scene-1', 'scene-2', 'scene-3'])
    expect(Object.values(resumed.scenes).map((scene) => scene.status)).toEqual([
      'complete',
      'complete',
      'complete',
    ])
    expect(resumed.scenes['scene-2']).toMatchObject({ attempts: 2, error: undefined })
  })

  it('starts over for a different job', () => {
    const first = fold([plan, start(0), complete(0)])
    const other = fold([{ ...plan, data: { ...plan.data, jobId: 'job_2' } } as AgentEvent], first)
    expect(other.jobId).toBe('job_2')
    expect(other.sceneOrder).toEqual([])
  })

  it('marks the run failed on an error event and keeps the composition', () => {
    const state = fold([
      { type: 'checkpoint', data: { composition } },
      { type: 'error', data: { error: 'boom' } },
    ])
    expect(state.status).toBe('failed')
    expect(state.error?.message).toBe('boom')
    expect(state.composition).toBe(composition)
  })

  it('completes every planned scene when done leaves nothing to resume, keeping the rest as they were', () => {
    let state = createInitialRunState(1)
    state = reduceAgentEvent(state, {
      type: 'plan_ready',
      data: { jobId: 'job_1', totalScenes: 4, estimatedMinutes: 1 },
    })
    state = reduceAgentEvent(state, {
      type: 'scene_start',
      data: { sceneId: 'scene-1', sceneIndex: 0 },
    })
    state = reduceAgentEvent(state, { type: 'scene_complete', data: { sceneId: 'scene-1' } })
    state = reduceAgentEvent(state, {
      type: 'scene_start',
      data: { sceneId: 'scene-3', sceneIndex: 2 },
    })
    const first = state.scenes['scene-1']
    const done = reduceAgentEvent(state, {
      type: 'done',
      data: {
        success: true,
        data: {
          message: 'ok',
          composition: createEmptyComposition(),
          toolResults: [],
          projectId: 1,
        },
      },
    })
    expect(done.sceneOrder).toEqual(['scene-1', '#1', 'scene-3', '#3'])
    expect(Object.values(done.scenes).every((scene) => scene.status === 'complete')).toBe(true)
    expect(done.scenes['scene-1']).toBe(first)

    const partial = reduceAgentEvent(state, {
      type: 'done',
      data: {
        success: false,
        data: {
          message: 'short',
          composition: createEmptyComposition(),
          toolResults: [],
          projectId: 1,
          resumeJobId: 'job_1',
          remainingScenes: 3,
        },
      },
    })
    expect(partial.sceneOrder).toEqual(['scene-1', 'scene-3'])
  })
})
