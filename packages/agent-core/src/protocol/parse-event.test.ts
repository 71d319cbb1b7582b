import { describe, expect, it } from 'vitest'
import { AgentProtocolError } from '../errors/agent-errors'
import { parseAgentEvent } from './parse-event'

const done = {
  success: true,
  data: { message: 'ok', composition: { tracks: [] }, toolResults: [], projectId: 1 },
}

describe('parseAgentEvent', () => {
  it('types a valid payload and fills in a partial composition', () => {
    expect(parseAgentEvent('scene_start', '{"sceneId":"scene-1","sceneIndex":0}')).toEqual({
      type: 'scene_start',
      data: { sceneId: 'scene-1', sceneIndex: 0 },
    })
    const event = parseAgentEvent('done', JSON.stringify(done))
    expect(event.type === 'done' && event.data.data.composition).toEqual({
      fps: 30,
      compositionWidth: 1920,
      compositionHeight: 1080,
      tracks: [],
      items: {},
      assets: {},
    })
  })

  it('keeps fields it does not check', () => {
    const event = parseAgentEvent(
      'tool_end',
      '{"toolUseId":"a","toolName":"b","success":true,"extra":1}',
    )
    expect(event.data).toMatchObject({ extra: 1 })
  })

  it.each([
    ['scene_complete', '{"sceneId": "scene-', 'not JSON'],
    ['scene_start', '{"sceneId":"scene-1"}', 'sceneIndex'],
    ['scene_start', '{"sceneId":1,"sceneIndex":0}', 'sceneId'],
    ['tool_end', '{"toolUseId":"a","toolName":"b","success":"yes"}', 'success'],
    ['tool_end', '{"toolUseId":"a","toolName":"b","success":true,"error":5}', 'error'],
    ['plan_ready', 'null', 'data'],
    ['plan_ready', '[1]', 'data'],
    ['checkpoint', '{"composition":{"tracks":{}}}', 'composition'],
    ['checkpoint', '{"composition":null}', 'composition'],
    [
      'done',
      '{"success":true,"data":{"message":"m","toolResults":[],"projectId":1}}',
      'data.composition',
    ],
    [
      'done',
      JSON.stringify({ ...done, data: { ...done.data, remainingScenes: '2' } }),
      'data.remainingScenes',
    ],
    ['error', '{}', 'error'],
  ])('rejects a malformed %s payload (%s)', (name, text, field) => {
    let thrown: unknown
    try {
      parseAgentEvent(name, text)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AgentProtocolError)
    expect(thrown).toMatchObject({ event: name, data: text })
    expect((thrown as Error).message).toContain(field)
  })

  it('accepts null for an optional field', () => {
    expect(parseAgentEvent('scene_complete', '{"sceneId":"s","voiceError":null}').type).toBe(
      'scene_complete',
    )
  })

  it('passes unknown names on, and tolerates heartbeats with any or no data', () => {
    expect(parseAgentEvent('sim_new', '{"a":1}')).toEqual({
      type: 'unknown',
      name: 'sim_new',
      data: { a: 1 },
    })
    expect(parseAgentEvent('heartbeat', '')).toEqual({ type: 'heartbeat', data: {} })
    expect(parseAgentEvent('heartbeat', '"ping"')).toEqual({ type: 'heartbeat', data: {} })
  })
})
