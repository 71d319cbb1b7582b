import type { AgentEvent, AgentProtocolWarning, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { describe, expect, it } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import { parseAgentEvent } from '../protocol/parse-event'
import { createAgentRunStore } from '../store/create-agent-run-store'
import {
  chunkedFetch,
  drain,
  keepLog,
  PROJECT_ID,
  runInput,
  serveEventStream,
  testClient,
} from '../test-utils'
import { createMessageReader } from './create-message-reader'
import type { Fetch } from './stream-agent-events'

/**
 * SSE framing as a browser's `EventSource` has it: a block without a `data` line (an
 * `event:` line alone, an `event:` and an `id:`, comments only) dispatches nothing, wherever
 * it falls; a `data:` line with an empty value dispatches, with data ''.
 */
const block = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
const REAL = [
  block('tool_start', { toolUseId: 't1', toolName: 'plan_video' }),
  block('tool_end', { toolUseId: 't1', toolName: 'plan_video', success: true }),
  block('plan_ready', { jobId: 'job_f', totalScenes: 1, estimatedMinutes: 1 }),
  block('scene_start', { sceneId: 'scene-1', sceneIndex: 0 }),
  block('scene_complete', { sceneId: 'scene-1' }),
  block('checkpoint', { composition: { tracks: [], items: {} } }),
  block('done', {
    success: true,
    data: {
      message: 'ok',
      composition: { tracks: [], items: {} },
      toolResults: [],
      projectId: PROJECT_ID,
    },
  }),
]
const DATALESS = [
  'event: plan_ready\n\n',
  'event: scene_start\nid: 3\n\n',
  ': keep-alive\n\n',
  ': one\n: two\n\n',
]
/** The real events with data-less blocks first, between each two, and after `done`. */
const NOISY = [
  ...DATALESS,
  ...REAL.flatMap((real, index) => [real, DATALESS[index % DATALESS.length] as string]),
  ...DATALESS,
].join('')

const bytes = (text: string) => new TextEncoder().encode(text)
/** One chunk per byte: every block split everywhere it can be. */
const byteByByte = (text: string) =>
  chunkedFetch([...bytes(text)].map((byte) => Uint8Array.of(byte)))

async function heard(fetch: Fetch) {
  const events: Array<AgentEvent | UnknownAgentEvent> = []
  const warnings: AgentProtocolWarning[] = []
  const client = createAgentClient({ baseUrl: 'http://framing.local', fetch })
  const outcome = await drain(client.run(runInput()), {
    onEvent: (event) => events.push(event),
    onWarning: (warning) => warnings.push(warning),
  })
  return { events, warnings, outcome }
}

describe('a block without data', () => {
  it('dispatches nothing and warns of nothing, from a real server', async () => {
    const clean = await heard(chunkedFetch([bytes(REAL.join(''))]))
    expect(clean.events.map((event) => event.type)).toEqual([
      'tool_start',
      'tool_end',
      'plan_ready',
      'scene_start',
      'scene_complete',
      'checkpoint',
      'done',
    ])
    const server = await serveEventStream(NOISY)
    try {
      const noisy = await heard((input, init) =>
        fetch(`${server.url}${new URL(String(input)).pathname}`, init),
      )
      expect(noisy.events).toEqual(clean.events)
      expect(noisy.warnings).toEqual([])
      expect(noisy.outcome).toMatchObject({ reason: 'done', success: true })
    } finally {
      await server.close()
    }
  })

  it('dispatches nothing when every block is split across chunks', async () => {
    const clean = await heard(chunkedFetch([bytes(REAL.join(''))]))
    const split = await heard(byteByByte(NOISY))
    expect(split.events).toEqual(clean.events)
    expect(split.warnings).toEqual([])
    expect(split.outcome).toEqual(clean.outcome)
  })

  it('leaves a store in the same state, with no warning in its log', async () => {
    const server = await serveEventStream(NOISY)
    try {
      const noisy = createAgentRunStore({ client: testClient(server.url), projectId: PROJECT_ID })
      const log = keepLog(noisy)
      expect(await noisy.start(runInput())).toMatchObject({ reason: 'done', success: true })
      const clean = createAgentRunStore({
        client: createAgentClient({
          baseUrl: 'http://framing.local',
          fetch: chunkedFetch([bytes(REAL.join(''))]),
        }),
        projectId: PROJECT_ID,
      })
      await clean.start(runInput())
      expect(noisy.getState()).toEqual(clean.getState())
      expect(noisy.getState()).toMatchObject({ status: 'done', warnings: [] })
      expect(noisy.getState().scenes['scene-1']?.status).toBe('complete')
      const types = log.map((entry) => entry.action.type)
      expect(types).not.toContain('warning')
      expect(types).toEqual([
        'request_sent',
        ...REAL.map((text) => text.split('\n')[0]?.slice(7)),
        'request_ended',
      ])
    } finally {
      await server.close()
    }
  })
})

describe('a data line with an empty value', () => {
  it('is dispatched by the reader with data ""', () => {
    const messages: Array<{ event: string; data: string }> = []
    const reader = createMessageReader({
      maxEventBytes: 1_000,
      onMessage: ({ event, data }) => messages.push({ event, data }),
    })
    reader.push(
      bytes('event: usage\ndata:\n\nevent: plan_ready\n\ndata: \n\nevent: heartbeat\ndata:\n\n'),
    )
    expect(messages).toEqual([
      { event: 'usage', data: '' },
      { event: '', data: '' },
      { event: 'heartbeat', data: '' },
    ])
  })

  it('reaches the stream as an event: a known one read from {}, an unknown one with data {}', async () => {
    const empty = [
      'event: usage\ndata:\n\n',
      'data:\n\n',
      'event: heartbeat\ndata:\n\n',
      'event: insufficient_credit\ndata:\n\n',
    ]
    const { events, warnings, outcome } = await heard(
      chunkedFetch([bytes(empty.join('') + REAL.join(''))]),
    )
    const expectedWarnings: AgentProtocolWarning[] = []
    const credit = parseAgentEvent('insufficient_credit', '', (warning) =>
      expectedWarnings.push(warning),
    )
    expect(credit).toEqual(parseAgentEvent('insufficient_credit', '{}'))
    expect(events.slice(0, 4)).toEqual([
      { type: 'unknown', name: 'usage', data: {} },
      { type: 'unknown', name: 'message', data: {} },
      { type: 'heartbeat', data: {} },
      credit,
    ])
    expect(credit).toMatchObject({ type: 'insufficient_credit', data: { totalScenes: 0 } })
    // The empty payload is read as {}: the warnings name its missing fields, not its data.
    expect(warnings).toEqual(expectedWarnings)
    expect(warnings.every((warning) => warning.field !== 'data')).toBe(true)
    expect(outcome).toMatchObject({ reason: 'done', success: true })
  })
})
