import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import fixture from '../fixtures/long-video-ko.json'
import { parseAgentEvent } from '../protocol/parse-event'
import { reduceAgentEvent } from '../state/reduce-agent-event'
import { type AgentRunState, createInitialRunState } from '../state/run-state'
import { chunkedFetch, drain, runInput } from '../test-utils'
import type { Fetch } from '../transport/stream-agent-events'
import { createRecorder } from './create-recorder'
import { createReplayFetch } from './create-replay-fetch'
import type { AgentRecording } from './recording'

const recording = fixture as AgentRecording

function initial(): AgentRunState {
  return { ...createInitialRunState(1234), status: 'submitting' }
}

/** The state the recording's events fold into, without any transport. */
const expected = recording.events
  .map((event) => parseAgentEvent(event.name, JSON.stringify(event.data)))
  .filter((event) => event !== null)
  .reduce(reduceAgentEvent, initial())

/** Runs through the real client and transport, folding every event it delivers. */
async function replay(fetch: Fetch) {
  let state = initial()
  const events: Array<AgentEvent | UnknownAgentEvent> = []
  const outcome = await drain(
    createAgentClient({ baseUrl: 'http://replay.local', fetch }).run(runInput()),
    {
      onEvent(event) {
        events.push(event)
        state = reduceAgentEvent(state, event)
      },
    },
  )
  return { state, events, outcome }
}

describe('the recorded fixture', () => {
  it('is a real Korean long video that ran short of credit', () => {
    const names = recording.events.map((event) => event.name)
    expect(names).toContain('insufficient_credit')
    expect(names.at(-1)).toBe('done')
    expect(expected.status).toBe('done')
    expect(expected.result?.resumeJobId).toBe(expected.jobId)
    expect(expected.result?.message).toMatch(/[가-힣]/)
  })

  it('replays through a client into the same state, at the speed asked', async () => {
    const last = recording.events.at(-1)?.at ?? 0
    const started = Date.now()
    const { state, outcome } = await replay(createReplayFetch(recording, { speed: 4 }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(Math.floor(last / 4) - 2)
    expect(outcome).toMatchObject({ reason: 'done', success: false })
    expect(state).toEqual(expected)
  })

  it('stops replaying when the request is aborted', async () => {
    const controller = new AbortController()
    const seen: string[] = []
    const client = createAgentClient({
      baseUrl: 'http://replay.local',
      fetch: createReplayFetch(recording, { speed: 0.5 }),
    })
    const outcome = await drain(client.run(runInput(), { signal: controller.signal }), {
      onEvent(event) {
        seen.push(event.type)
        if (event.type === 'plan_ready') controller.abort()
      },
    })
    expect(outcome).toEqual({ reason: 'aborted' })
    expect(seen.at(-1)).toBe('plan_ready')
  })

  it('records what it is given, with times from the first event', () => {
    let clock = 100
    const recorder = createRecorder(() => clock)
    recorder.onEvent({ type: 'tool_start', data: { toolUseId: 't', toolName: 'x' } })
    clock = 130
    recorder.onEvent({ type: 'unknown', name: 'later', data: [1] })
    expect(recorder.toRecording({ note: 'n' })).toEqual({
      version: 1,
      meta: { note: 'n' },
      events: [
        { at: 0, name: 'tool_start', data: { toolUseId: 't', toolName: 'x' } },
        { at: 30, name: 'later', data: [1] },
      ],
    })
  })
})

describe('the same stream in any chunking', () => {
  const encoder = new TextEncoder()
  const wire = fc.record({
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    // A UTF-8 byte order mark before the first event, which SSE readers must skip.
    bom: fc.boolean(),
    // A `: heartbeat` comment block before event i when i is listed.
    comments: fc.uniqueArray(fc.nat({ max: recording.events.length }), { maxLength: 8 }),
    // Cut points in the byte stream (any byte, so also inside a UTF-8 character).
    cuts: fc.uniqueArray(fc.nat({ max: 60_000 }), { maxLength: 40 }),
  })

  function bytesOf({
    lineEnd: end,
    bom,
    comments,
  }: {
    lineEnd: string
    bom: boolean
    comments: number[]
  }): Uint8Array {
    let text = bom ? '\uFEFF' : ''
    recording.events.forEach((event, index) => {
      if (comments.includes(index)) text += `: heartbeat${end}${end}`
      text += `event: ${event.name}${end}data: ${JSON.stringify(event.data)}${end}${end}`
    })
    return encoder.encode(text)
  }

  function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
    const points = [...new Set(cuts.map((cut) => cut % bytes.length))].sort((a, b) => a - b)
    const chunks: Uint8Array[] = []
    let from = 0
    for (const point of [...points, bytes.length]) {
      if (point > from) chunks.push(bytes.slice(from, point))
      from = point
    }
    return chunks
  }

  it('splits inside a Korean character somewhere in the fixture', () => {
    const bytes = bytesOf({ lineEnd: '\n', bom: false, comments: [] })
    const korean = encoder.encode('개')
    const at = bytes.findIndex((_, index) =>
      korean.every((byte, offset) => bytes[index + offset] === byte),
    )
    expect(at).toBeGreaterThan(0)
    return replay(chunkedFetch(split(bytes, [at + 1, at + 2]))).then(({ state }) => {
      expect(state).toEqual(expected)
    })
  })

  // A thousand runs in CI; on a busy two-core machine that can take well over the default 5 s.
  it('gives an identical final state (property)', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(wire, async (shape) => {
        const chunks = split(bytesOf(shape), shape.cuts)
        const { state, events, outcome } = await replay(chunkedFetch(chunks))
        expect(events).toHaveLength(recording.events.length)
        expect(outcome.reason).toBe('done')
        expect(state).toEqual(expected)
      }),
      { numRuns: process.env.CI ? 1000 : 200 },
    )
  })
})

describe('check-resume during a replay', () => {
  it('answers with the job the recording leaves to resume', async () => {
    const client = createAgentClient({
      baseUrl: 'http://replay.local',
      fetch: createReplayFetch(recording),
    })
    const job = await client.checkResume({ projectId: 1234 })
    expect(job).toMatchObject({ jobId: expected.jobId, remainingScenes: expect.any(Number) })
    expect(job?.remainingScenes).toBe(expected.result?.remainingScenes)
  })

  it('answers what it is told to', async () => {
    const client = createAgentClient({
      baseUrl: 'http://replay.local',
      fetch: createReplayFetch(recording, { resumableJob: null }),
    })
    expect(await client.checkResume({ projectId: 1234 })).toBe(null)
  })
})
