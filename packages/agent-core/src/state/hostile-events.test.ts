import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { describe, expect, it } from 'vitest'
import { parseAgentEvent } from '../protocol/parse-event'
import { fromRunSnapshot, isRunSnapshot, toRunSnapshot } from '../store/run-snapshot'
import { reduceAgentEvent } from './reduce-agent-event'
import { type AgentRunState, createInitialRunState } from './run-state'

/** Events as they come off the wire: parsed from text, then folded. */
function fold(lines: Array<[string, unknown]>, state = createInitialRunState(1)) {
  let current: AgentRunState = { ...state, status: 'submitting' }
  for (const [name, data] of lines) {
    const event = parseAgentEvent(name, JSON.stringify(data))
    if (event) current = reduceAgentEvent(current, event)
  }
  return current
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']

describe('server strings are data', () => {
  it.each(PROTOTYPE_NAMES)('a first scene named %s is an ordinary scene', (sceneId) => {
    const state = fold([
      ['scene_start', { sceneId, sceneIndex: 0 }],
      ['scene_start', { sceneId: 'scene-2', sceneIndex: 1 }],
      ['scene_complete', { sceneId }],
    ])
    expect(state.sceneOrder).toEqual([sceneId, 'scene-2'])
    expect(Object.hasOwn(state.scenes, sceneId)).toBe(true)
    expect(state.scenes[sceneId]).toMatchObject({ sceneId, status: 'complete', attempts: 1 })
    expect(Object.getPrototypeOf(state.scenes)).toBe(null)
    // And it survives a reload.
    const restored = fromRunSnapshot(JSON.parse(JSON.stringify(toRunSnapshot(state))))
    expect(restored.scenes[sceneId]).toMatchObject({ sceneId, status: 'complete' })
    expect(Object.getPrototypeOf(restored.scenes)).toBe(null)
  })

  it.each(PROTOTYPE_NAMES)('a tool call with the id %s is an ordinary call', (toolUseId) => {
    const state = fold([
      ['tool_start', { toolUseId, toolName: 'search' }],
      ['tool_end', { toolUseId, toolName: 'search', success: true }],
    ])
    expect(Object.values(state.toolCalls)).toEqual([
      { toolUseId, toolName: 'search', status: 'success', error: undefined },
    ])
  })

  it('a scene the reducer has not seen is not found on the prototype', () => {
    const state = fold([['scene_complete', { sceneId: 'constructor' }]])
    expect(state.scenes.constructor).toMatchObject({ status: 'complete', attempts: 0 })
  })
})

describe('numbers are bounded', () => {
  it('a plan of 1e9 scenes folds at once and completes a bounded board', () => {
    const state = fold([
      ['plan_ready', { jobId: 'j', totalScenes: 1e9, estimatedMinutes: 1 }],
      [
        'done',
        {
          success: true,
          data: { message: '', composition: { tracks: [] }, toolResults: [], projectId: 1 },
        },
      ],
    ])
    expect(state.plan?.totalScenes).toBe(STREAM_LIMITS.scenesMax)
    expect(state.sceneOrder).toHaveLength(STREAM_LIMITS.scenesMax)
  })

  it('scenes past the bound are ignored with a warning', () => {
    // A board already at the bound, built directly: folding 10,000 events is slow on purpose.
    const full = createInitialRunState(1)
    for (let index = 0; index < STREAM_LIMITS.scenesMax; index++) {
      const sceneId = `s${index}`
      full.scenes[sceneId] = { sceneId, sceneIndex: index, status: 'complete', attempts: 1 }
      full.sceneOrder.push(sceneId)
    }
    const state = fold([['scene_start', { sceneId: 'one-more', sceneIndex: 3 }]], full)
    expect(state.sceneOrder).toHaveLength(STREAM_LIMITS.scenesMax)
    expect(Object.hasOwn(state.scenes, 'one-more')).toBe(false)
    expect(state.warnings.at(-1)).toMatchObject({ event: 'scene_start', field: 'sceneId' })
    // A scene already on the board still moves on.
    const next = fold([['scene_failed', { sceneId: 's3', error: 'x' }]], full)
    expect(next.scenes.s3?.status).toBe('failed')
  })

  it('tool calls and warnings keep only the latest', () => {
    const lines: Array<[string, unknown]> = []
    for (let index = 0; index < STREAM_LIMITS.toolCallsMax + 10; index++) {
      lines.push(['tool_start', { toolUseId: `t${index}`, toolName: 'x' }])
    }
    const state = fold(lines)
    const ids = Object.keys(state.toolCalls)
    expect(ids).toHaveLength(STREAM_LIMITS.toolCallsMax)
    expect(ids.at(-1)).toBe(`t${STREAM_LIMITS.toolCallsMax + 9}`)
    expect(ids[0]).toBe('t10')
  })
})

describe('snapshots that cannot be shown are refused', () => {
  const good = toRunSnapshot(
    fold([
      ['plan_ready', { jobId: 'j', totalScenes: 2, estimatedMinutes: 1 }],
      ['scene_start', { sceneId: 's1', sceneIndex: 0 }],
    ]),
  )

  it('accepts a snapshot this version wrote', () => {
    expect(isRunSnapshot(JSON.parse(JSON.stringify(good)))).toBe(true)
  })

  it.each([
    ['another version', { ...good, version: 2 }],
    ['an unknown status', { ...good, status: 'exploded' }],
    ['a scene id without a scene', { ...good, sceneOrder: ['s1', 'constructor'] }],
    [
      'a scene of the wrong shape',
      { ...good, scenes: { s1: { sceneId: 's1', status: 'odd', sceneIndex: 0 } } },
    ],
    ['a composition without tracks', { ...good, composition: { items: {} } }],
    ['a plan without a count', { ...good, plan: { totalScenes: '2' } }],
    ['a job id that is not a string', { ...good, jobId: 7 }],
  ])('refuses %s', (_, snapshot) => {
    expect(isRunSnapshot(JSON.parse(JSON.stringify(snapshot)))).toBe(false)
  })
})

describe('a restored result is read like one off the wire', () => {
  it('mends a saved result whose nested shapes are off', () => {
    const saved = toRunSnapshot(createInitialRunState(1))
    const tampered = {
      ...saved,
      status: 'done',
      result: {
        message: 'm',
        messageKey: 'constructor',
        messageParams: { count: { nested: true }, name: 'x' },
        cost: { runId: 'r', total: 3 },
      },
    }
    expect(isRunSnapshot(tampered)).toBe(true)
    const state = fromRunSnapshot(tampered as never)
    expect(state.result?.cost?.breakdown).toEqual({})
    expect({ ...state.result?.messageParams }).toEqual({ name: 'x' })
    expect(state.result?.composition).toBe(null)
    expect(state.result?.toolResults).toEqual([])
  })
})
