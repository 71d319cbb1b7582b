import type { AgentProtocolWarning } from '@kvidai/agent-protocol'
import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { describe, expect, it } from 'vitest'
import { AgentProtocolError } from '../errors/agent-errors'
import { parseAgentEvent } from './parse-event'

const done = {
  success: true,
  data: { message: 'ok', composition: { tracks: [] }, toolResults: [], projectId: 1 },
}

/** Parses with a warning listener; returns the event and what was reported. */
function parse(name: string, data: unknown) {
  const warnings: AgentProtocolWarning[] = []
  const text = typeof data === 'string' ? data : JSON.stringify(data)
  const event = parseAgentEvent(name, text, (warning) => warnings.push(warning))
  return { event, warnings, fields: warnings.map((warning) => warning.field) }
}

describe('parseAgentEvent: well-formed payloads', () => {
  it('types a valid payload without a warning and fills in a partial composition', () => {
    expect(parse('scene_start', { sceneId: 'scene-1', sceneIndex: 0 })).toMatchObject({
      event: { type: 'scene_start', data: { sceneId: 'scene-1', sceneIndex: 0 } },
      warnings: [],
    })
    const { event, warnings } = parse('done', done)
    expect(warnings).toEqual([])
    expect(event?.type === 'done' && event.data.data.composition).toEqual({
      fps: 30,
      compositionWidth: 1920,
      compositionHeight: 1080,
      tracks: [],
      items: {},
      assets: {},
    })
  })

  it('keeps fields it does not check, at every level', () => {
    const { event } = parse('tool_end', { toolUseId: 'a', toolName: 'b', success: true, extra: 1 })
    expect(event?.data).toMatchObject({ extra: 1 })
    const extended = parse('done', { ...done, trace: 't', data: { ...done.data, usage: 3 } })
    expect(extended.event?.data).toMatchObject({ trace: 't', data: { usage: 3 } })
    expect(extended.warnings).toEqual([])
  })

  it('accepts null for an optional field', () => {
    expect(parse('scene_complete', { sceneId: 's', voiceError: null }).warnings).toEqual([])
  })
})

describe('parseAgentEvent: odd payloads get safe defaults and a warning naming the field', () => {
  it.each([
    ['scene_failed', { sceneId: 's' }, 'error', { sceneId: 's', error: '' }],
    [
      'template_warning',
      { severity: 'warning', field: null, message: 'm' },
      'field',
      { severity: 'warning', field: '', message: 'm' },
    ],
    [
      'tool_end',
      { toolUseId: 'a', toolName: 'b', success: 'yes' },
      'success',
      { toolUseId: 'a', toolName: 'b', success: true },
    ],
    [
      'tool_end',
      { toolUseId: 'a', toolName: 'b', success: false, error: 5 },
      'error',
      { toolUseId: 'a', toolName: 'b', success: false, error: undefined },
    ],
    ['tool_start', { toolName: 'search' }, 'toolUseId', { toolUseId: '', toolName: 'search' }],
    [
      'plan_ready',
      { jobId: 'job-1', totalScenes: 4 },
      'estimatedMinutes',
      { jobId: 'job-1', totalScenes: 4, estimatedMinutes: 0 },
    ],
    ['scene_start', { sceneId: 'scene-1' }, 'sceneIndex', { sceneId: 'scene-1', sceneIndex: -1 }],
    [
      'scene_start',
      { sceneId: 'scene-1', sceneIndex: 'first' },
      'sceneIndex',
      { sceneId: 'scene-1', sceneIndex: -1 },
    ],
    [
      'insufficient_credit',
      { completedScenes: 2, totalScenes: 8 },
      'remainingCredit',
      { completedScenes: 2, totalScenes: 8, remainingCredit: 0, estPerScene: 0 },
    ],
    ['error', {}, 'error', { error: 'The agent reported an error without a message.' }],
  ])('%s %j: %s', (name, payload, field, expected) => {
    const { event, warnings, fields } = parse(name, payload)
    expect(event).toEqual({ type: name, data: expected })
    expect(fields).toContain(field)
    expect(warnings.every((warning) => warning.event === name)).toBe(true)
  })

  it('a done with a string projectId keeps its composition and reads the id', () => {
    const { event, fields } = parse('done', { ...done, data: { ...done.data, projectId: '1234' } })
    expect(event?.type === 'done' && event.data.data).toMatchObject({
      projectId: 1234,
      composition: { tracks: [] },
    })
    expect(fields).toEqual(['data.projectId'])
  })

  it('a done without composition, toolResults or success still ends with what it has', () => {
    const { event, fields } = parse('done', {
      data: { message: 'm', projectId: 'p-9', resumeJobId: 'job-1', remainingScenes: 2 },
    })
    expect(event).toMatchObject({
      type: 'done',
      data: {
        // Scenes are left: not a success.
        success: false,
        data: { composition: null, toolResults: [], projectId: null, resumeJobId: 'job-1' },
      },
    })
    expect(fields).toEqual(
      expect.arrayContaining(['data.composition', 'data.toolResults', 'data.projectId', 'success']),
    )
  })

  it('a done whose result sits beside success, not under data, is still read', () => {
    const { event, fields } = parse('done', { success: true, ...done.data })
    expect(event?.type === 'done' && event.data.data.composition).toMatchObject({ tracks: [] })
    expect(fields).toEqual(['data'])
  })

  it('a done with a nested shape that is off keeps the parts that are sound', () => {
    const { event, fields } = parse('done', {
      ...done,
      data: {
        ...done.data,
        messageParams: { count: 3, nested: { x: 1 }, constructor: 'c' },
        cost: { runId: 'r', total: 12 },
        tokenUsage: { inputTokens: 'many', outputTokens: 3, creditCost: 1 },
      },
    })
    const result = event?.type === 'done' ? event.data.data : null
    expect({ ...result?.messageParams }).toEqual({ count: 3, constructor: 'c' })
    expect(Object.getPrototypeOf(result?.messageParams)).toBe(null)
    expect(result?.cost).toMatchObject({ runId: 'r', total: 12, breakdown: {} })
    expect(result?.tokenUsage).toEqual({ inputTokens: 0, outputTokens: 3, creditCost: 1 })
    expect(fields).toEqual(
      expect.arrayContaining([
        'data.messageParams',
        'data.cost.breakdown',
        'data.tokenUsage.inputTokens',
      ]),
    )
  })

  it('bounds counts: a plan of 1e9 scenes is clamped, with a warning', () => {
    const { event, fields } = parse('plan_ready', {
      jobId: 'j',
      totalScenes: 1e9,
      estimatedMinutes: 1,
    })
    expect(event?.type === 'plan_ready' && event.data.totalScenes).toBe(STREAM_LIMITS.scenesMax)
    expect(fields).toEqual(['totalScenes'])
    const index = parse('scene_start', { sceneId: 's', sceneIndex: STREAM_LIMITS.scenesMax })
    expect(index.event?.type === 'scene_start' && index.event.data.sceneIndex).toBe(-1)
  })
})

describe('parseAgentEvent: what cannot be used', () => {
  it.each([
    ['scene_complete', '{"sceneId": "scene-'],
    ['scene_start', { sceneIndex: 0 }],
    ['scene_complete', { sceneId: '' }],
    ['plan_ready', 'null'],
    ['plan_ready', '[1]'],
    ['checkpoint', { composition: { tracks: {} } }],
    ['checkpoint', { composition: null }],
  ])('%s %j is ignored, with a warning', (name, payload) => {
    const { event, warnings } = parse(name, payload)
    expect(event).toBe(null)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.event).toBe(name)
  })

  it('an error event whose data is plain text keeps the text as its message', () => {
    expect(parse('error', 'The model is overloaded').event).toEqual({
      type: 'error',
      data: { error: 'The model is overloaded' },
    })
  })

  it('a done whose data is not JSON throws UNREADABLE_DONE', () => {
    let thrown: unknown
    try {
      parse('done', '{"success": tru')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AgentProtocolError)
    expect(thrown).toMatchObject({
      code: 'UNREADABLE_DONE',
      event: 'done',
      data: '{"success": tru',
    })
  })

  it('passes unknown names on and ignores heartbeats, whatever their data', () => {
    expect(parse('sim_new', { a: 1 }).event).toEqual({
      type: 'unknown',
      name: 'sim_new',
      data: { a: 1 },
    })
    expect(parse('sim_new', 'plain text').event).toEqual({
      type: 'unknown',
      name: 'sim_new',
      data: 'plain text',
    })
    for (const data of ['', '"ping"', 'ping', '{"ts":1}', '[']) {
      expect(parse('heartbeat', data)).toEqual({
        event: { type: 'heartbeat', data: {} },
        warnings: [],
        fields: [],
      })
    }
  })

  it('names on the prototype are unknown events, not readers', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(parse(name, { a: 1 }).event).toEqual({ type: 'unknown', name, data: { a: 1 } })
    }
  })
})
