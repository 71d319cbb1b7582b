import { describe, expect, it, type OnTestFinishedHandler } from 'vitest'
import type { SimulatorOptions } from './options'
import { createSimulator, type Simulator } from './simulator'
import {
  checkResume,
  gapBetween,
  names,
  post,
  type ReadResult,
  readEvents,
  readTimedEvents,
  referenceEvents,
  runBody,
  type WireEvent,
  wireBetween,
} from './test-support'

const BASE = 'http://sim.test'
const OWNER = { email: 'demo@example.com', apiKey: 'kvid_demo_key' }
const SILENT_TOOL_MS = 300
/**
 * The gap is timed where the events are read, and a busy machine can read the first one
 * late: it shows a gap shorter than the tool's silence. 200 ms is still far above the
 * 75 ms a tool takes without the silent profile, and nothing at all may arrive between.
 */
const LEAST_SILENCE_MS = SILENT_TOOL_MS - 100
const TITLE = "Add a centered title 'Summer Sale' for 3 seconds."
/** Slow scenes one at a time: each leaves the stream quiet longer than `heartbeatMs`. */
const QUIET = { sceneMs: 150, concurrency: 1, heartbeatMs: 40, silentToolMs: SILENT_TOOL_MS }

/** A simulator that closes when the test ends; tests run at once, each with its own. */
function simulate(
  options: SimulatorOptions,
  onTestFinished: (handler: OnTestFinishedHandler) => void,
): Simulator {
  const simulator = createSimulator(options)
  onTestFinished(() => simulator.close())
  return simulator
}

async function play(simulator: Simulator, path: string, body: unknown) {
  return readTimedEvents(await post(simulator.fetch, BASE, path, body))
}

function find(result: ReadResult, name: string): any {
  return result.events.find((event) => event.event === name)?.json
}

/** Every heartbeat event as written, data line or none, without its blank line. */
function heartbeats(raw: string): string[] {
  return raw.split('\n\n').filter((block) => block.split('\n')[0] === 'event: heartbeat')
}

function expectExtras(event: WireEvent) {
  expect(event.json, event.event).toMatchObject({
    timestamp: expect.any(Number),
    runId: expect.stringMatching(/^run_/),
    meta: expect.objectContaining({ sequence: expect.any(Number) }),
  })
}

function expectTaggedComposition(composition: any) {
  expect(composition.tracks.length).toBeGreaterThan(0)
  for (const track of composition.tracks) expect(track.editorMeta).toBeDefined()
  const items = Object.values(composition.items) as Array<Record<string, unknown>>
  expect(items.length).toBeGreaterThan(0)
  for (const item of items) expect(item.editorMeta).toBeDefined()
}

// Each test has its own simulator, so they all run at once.
describe.concurrent('the wire under each profile', () => {
  describe('profile standard', () => {
    it('sends comment keep-alives when quiet, and only reference events with JSON data', async ({
      onTestFinished,
    }) => {
      const simulator = simulate({ ...QUIET, faults: { failScenes: [1] } }, onTestFinished)
      const run = await play(
        simulator,
        '/api/agent',
        runBody({ message: 'An explainer in 2 scenes' }),
      )
      expect(run.comments.length).toBeGreaterThan(0)
      expect(heartbeats(run.raw)).toEqual([])
      expect(referenceEvents(run)).toEqual(run.events)
      for (const event of run.events) expect(event.json, event.event).toBeDefined()
      expect(find(run, 'plan_ready').estimatedMinutes).toEqual(expect.any(Number))
      expect(find(run, 'scene_failed').error).toEqual(expect.any(String))
      expect(gapBetween(run, 'tool_start', 'tool_end')).toBeLessThan(SILENT_TOOL_MS)
      const done = run.events.at(-1)?.json
      expect(done.data).toMatchObject({ messageKey: expect.any(String), projectId: 1234 })
      expect(done.data).toHaveProperty('toolResults')
      expect(done.data).toHaveProperty('cost')
      expect(done.data).not.toHaveProperty('runId')

      const resumed = await play(simulator, '/api/agent/resume', {
        jobId: done.data.resumeJobId,
        ...OWNER,
      })
      expect(names(resumed)[0]).toBe('plan_ready')
    })
  })

  describe('profile silent', () => {
    it('sends no keep-alive of any kind, and nothing while a tool works for silentToolMs', async ({
      onTestFinished,
    }) => {
      // The heartbeat option is the profile's to decide: no named heartbeats either.
      const simulator = simulate(
        { ...QUIET, heartbeat: 'event', profile: 'silent' },
        onTestFinished,
      )
      const run = await play(
        simulator,
        '/api/agent',
        runBody({ message: 'An explainer in 2 scenes' }),
      )
      const edit = await play(simulator, '/api/agent', runBody({ message: TITLE }))
      for (const result of [run, edit]) {
        expect(result.comments).toEqual([])
        expect(heartbeats(result.raw)).toEqual([])
        expect(result.raw).not.toMatch(/^:/m)
        expect(gapBetween(result, 'tool_start', 'tool_end')).toBeGreaterThanOrEqual(
          LEAST_SILENCE_MS,
        )
        expect(wireBetween(result.raw, 'tool_start', 'tool_end')).toBe('')
        expect(names(result).at(-1)).toBe('done')
      }
      expect(find(run, 'tool_start').toolName).toBe('plan_long_video')
      expect(find(edit, 'tool_start').toolName).toBe('add_text_overlay')
    })
  })

  describe('profile heartbeat-events', () => {
    it('sends named heartbeats whose data is ping, absent, or a JSON timestamp, in turn', async ({
      onTestFinished,
    }) => {
      const simulator = simulate(
        { toolMs: 400, heartbeatMs: 40, profile: 'heartbeat-events' },
        onTestFinished,
      )
      const edit = await play(simulator, '/api/agent', runBody({ message: TITLE }))
      expect(edit.comments).toEqual([])
      const sent = heartbeats(edit.raw)
      expect(sent.length).toBeGreaterThanOrEqual(4)
      expect(sent.slice(0, 4)).toEqual([
        'event: heartbeat\ndata: ping',
        'event: heartbeat',
        expect.stringMatching(/^event: heartbeat\ndata: \{"ts":\d+\}$/),
        'event: heartbeat\ndata: ping',
      ])
      expect(edit.raw).toContain('\n\nevent: heartbeat\n\n')
      const parsed = edit.events.filter((event) => event.event === 'heartbeat')
      expect(parsed.some((event) => event.data === 'ping' && event.json === undefined)).toBe(true)
      for (const event of referenceEvents(edit)) expect(event.json, event.event).toBeDefined()
      expect(names(edit).at(-1)).toBe('done')
    })
  })

  describe('profile extra-fields', () => {
    it('stamps every payload, composition, done and check-resume with unnamed fields, and adds usage events', async ({
      onTestFinished,
    }) => {
      const simulator = simulate(
        { sceneMs: 10, credits: 35, profile: 'extra-fields' },
        onTestFinished,
      )
      const nothing = await checkResume(simulator.fetch, BASE)
      expect(nothing.body).toMatchObject({
        success: true,
        data: null,
        requestId: expect.any(String),
      })

      const run = await play(simulator, '/api/agent', runBody({ templateId: 'no-such-template' }))
      const reference = referenceEvents(run)
      expect(new Set(names(run))).toEqual(
        new Set([...reference.map((event) => event.event), 'usage']),
      )
      for (const event of reference) expectExtras(event)
      for (const event of run.events.filter((candidate) => candidate.event === 'checkpoint')) {
        expectTaggedComposition(event.json.composition)
      }

      const usage: number[] = []
      run.events.forEach((event, index) => {
        if (event.event !== 'scene_complete') return
        const next = run.events[index + 1]
        expect(next?.event).toBe('usage')
        expect(next?.json).toEqual({ credits: expect.any(Number) })
        usage.push(next?.json.credits)
      })
      expect(usage).toEqual([15, 25, 35])
      expect(names(run).filter((name) => name === 'usage')).toHaveLength(3)

      const done = run.events.at(-1)?.json
      expect(done.data).toMatchObject({
        runId: expect.stringMatching(/^run_/),
        finishedAt: expect.any(Number),
        meta: expect.any(Object),
        messageKey: 'Agent.longVideo.done.insufficientCredit',
        projectId: 1234,
      })
      expectTaggedComposition(done.data.composition)

      const pending = await checkResume(simulator.fetch, BASE)
      expect(pending.body).toEqual({
        success: true,
        requestId: expect.any(String),
        timestamp: expect.any(Number),
        data: {
          jobId: done.data.resumeJobId,
          remainingScenes: 5,
          totalScenes: 8,
          projectId: 1234,
          status: 'resumable',
          updatedAt: expect.any(Number),
        },
      })
    })
  })

  describe('profile sparse', () => {
    it('leaves optional fields out and sends the odd values, keeping ids, composition and resume fields', async ({
      onTestFinished,
    }) => {
      const simulator = simulate(
        { sceneMs: 10, profile: 'sparse', faults: { failScenes: [1] } },
        onTestFinished,
      )
      const run = await play(
        simulator,
        '/api/agent',
        runBody({ message: 'An explainer in 3 scenes', templateId: 'no-such-template' }),
      )
      expect(find(run, 'plan_ready')).toEqual({
        jobId: expect.stringMatching(/^job_/),
        totalScenes: 3,
      })
      expect(find(run, 'scene_failed')).toEqual({ sceneId: 'scene-2' })
      expect(find(run, 'template_warning')).toEqual({
        severity: 'warning',
        field: null,
        message: expect.any(String),
      })
      const done = run.events.at(-1)?.json
      for (const field of ['messageKey', 'messageParams', 'toolResults', 'tokenUsage', 'cost']) {
        expect(done.data).not.toHaveProperty(field)
      }
      expect(done.data).toMatchObject({
        message: expect.any(String),
        projectId: '1234',
        resumeJobId: find(run, 'plan_ready').jobId,
        remainingScenes: 1,
        totalScenes: 3,
      })
      expect(Object.keys(done.data.composition.items)).toContain('scene-3-visual')

      const edit = await play(
        simulator,
        '/api/agent',
        runBody({
          message: 'Regenerate this',
          selectedItemContext: {
            itemId: 'gone',
            type: 'image',
            assetId: 'x',
            from: 0,
            durationInFrames: 1,
          },
        }),
      )
      expect(find(edit, 'tool_end')).toEqual({
        toolUseId: expect.any(String),
        toolName: 'generate_image',
        success: false,
      })
      expect(edit.events.at(-1)?.json.data.projectId).toBe('1234')
    })
  })

  describe('profile no-resume-plan', () => {
    it('sends plan_ready on a run but not on its resume; retry-scene never sends it', async ({
      onTestFinished,
    }) => {
      const simulator = simulate({ sceneMs: 10, profile: 'no-resume-plan' }, onTestFinished)
      simulator.admin.setFaults({ failScenes: [0, 1] })
      const run = await play(
        simulator,
        '/api/agent',
        runBody({ message: 'An explainer in 3 scenes' }),
      )
      expect(names(run)).toContain('plan_ready')
      const jobId = run.events.at(-1)?.json.data.resumeJobId

      const retry = await play(simulator, '/api/agent/retry-scene', {
        jobId,
        sceneId: 'scene-1',
        ...OWNER,
      })
      expect(names(retry)).toEqual(['scene_start', 'scene_complete', 'done'])

      const resumed = await play(simulator, '/api/agent/resume', { jobId, ...OWNER })
      expect(names(resumed)).not.toContain('plan_ready')
      expect(names(resumed)).toEqual(['scene_start', 'scene_complete', 'checkpoint', 'done'])
      expect(resumed.events.at(-1)?.json.success).toBe(true)
    })
  })

  describe('profile everything', () => {
    it('stages every variant at once', async ({ onTestFinished }) => {
      const simulator = simulate({ ...QUIET, credits: 35, profile: 'everything' }, onTestFinished)
      const run = await play(
        simulator,
        '/api/agent',
        runBody({ message: 'An explainer in 4 scenes', templateId: 'no-such-template' }),
      )
      // Silent tools: nothing at all while the plan is made, keep-alives after.
      expect(gapBetween(run, 'tool_start', 'tool_end')).toBeGreaterThanOrEqual(LEAST_SILENCE_MS)
      expect(wireBetween(run.raw, 'tool_start', 'tool_end')).toBe('')
      const afterPlan = run.raw.slice(run.raw.indexOf('event: tool_end\n'))
      expect(heartbeats(afterPlan).length).toBeGreaterThan(0)
      // Heartbeats with data that is not JSON, never comments.
      expect(run.comments).toEqual([])
      expect(run.raw).toContain('event: heartbeat\ndata: ping\n\n')
      // Extra fields and events.
      for (const event of referenceEvents(run)) expectExtras(event)
      expect(names(run).filter((name) => name === 'usage')).toHaveLength(3)
      // Sparse payloads.
      expect(find(run, 'plan_ready')).not.toHaveProperty('estimatedMinutes')
      expect(find(run, 'template_warning').field).toBeNull()
      const done = run.events.at(-1)?.json
      expect(done.data).not.toHaveProperty('messageKey')
      expect(done.data).not.toHaveProperty('cost')
      expect(done.data).toMatchObject({
        projectId: '1234',
        remainingScenes: 1,
        runId: expect.any(String),
      })
      expectTaggedComposition(done.data.composition)

      // No plan on resume.
      simulator.admin.setUser(OWNER.email, { addCredits: 20 })
      const resumed = await play(simulator, '/api/agent/resume', {
        jobId: done.data.resumeJobId,
        ...OWNER,
      })
      expect(names(resumed)).not.toContain('plan_ready')
      expect(resumed.events.at(-1)?.json.success).toBe(true)

      const edit = await play(simulator, '/api/agent', runBody({ message: TITLE }))
      expect(gapBetween(edit, 'tool_start', 'tool_end')).toBeGreaterThanOrEqual(LEAST_SILENCE_MS)
      expect(wireBetween(edit.raw, 'tool_start', 'tool_end')).toBe('')
      expect(names(edit).at(-1)).toBe('done')
    })
  })
})

describe('choosing a profile', () => {
  it('refuses an unknown profile with a TypeError naming the valid ones', () => {
    expect(() => createSimulator({ profile: 'loud' as never })).toThrow(TypeError)
    expect(() => createSimulator({ profile: 'loud' as never })).toThrow(
      /standard, silent, heartbeat-events, extra-fields, sparse, no-resume-plan, everything/,
    )
  })

  it('refuses a silentToolMs a timer cannot hold', () => {
    for (const silentToolMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      expect(() => createSimulator({ silentToolMs })).toThrow(TypeError)
    }
  })

  it.concurrent('names the profile it runs at its root', async ({ onTestFinished }) => {
    const simulator = simulate({ profile: 'sparse' }, onTestFinished)
    const root = await (await simulator.fetch(`${BASE}/`)).json()
    expect(root.profile).toBe('sparse')
    await readEvents(await post(simulator.fetch, BASE, '/api/agent', runBody({ message: 'Hi' })))
  })
})
