import { afterAll, describe, expect, it } from 'vitest'
import { type Intent, MAX_SCENES, readInstruction } from './instruction'
import { createSimulator } from './simulator'
import { post, readEvents, runBody } from './test-support'

/** The API's longest message. */
const LONGEST = 4000

function fill(prefix: string, body: string, suffix = ''): string {
  const room = LONGEST - prefix.length - suffix.length
  return prefix + body.repeat(Math.ceil(room / body.length)).slice(0, room) + suffix
}

/** Messages that made the regexes backtrack: long runs each could try many ways to split. */
const HOSTILE: Record<string, string> = {
  'spaces after "about", then a line break': fill('explainer about', ' ', 'y\nz'),
  'digits then dashes before no unit': fill('Make a video title ', '1', '-'.repeat(1990)),
  'digits then spaces before no unit': fill('make a video caption ', '1', `${' '.repeat(1990)}x`),
  'one long number and no "scenes"': fill('explainer ', '7'),
  '"about" over and over': fill('storyboard ', 'about '),
  '"about" on every line': fill('explainer ', 'about\n', ' in 12 scenes'),
  'unclosed curly quotes': fill('Add a title ', '\u201c'),
  'quotes of every kind, none closed in turn': fill('Add a text ', '\u2018"\u201c'),
  'a run of end marks': fill('explainer about tea', '!', 'x'),
  '"in" without a count': fill('explainer about x', ' in'),
  'numbers and dots': fill('make a video headline ', '1.'),
}

function expectSane(intent: Intent, message: string) {
  if (intent.kind === 'long-video') {
    expect(Number.isInteger(intent.totalScenes)).toBe(true)
    expect(intent.totalScenes).toBeGreaterThanOrEqual(1)
    expect(intent.totalScenes).toBeLessThanOrEqual(MAX_SCENES)
    expect(intent.secondsPerScene).toBeGreaterThanOrEqual(1)
    expect(intent.secondsPerScene).toBeLessThanOrEqual(86_400)
    expect(intent.topic.length).toBeGreaterThan(0)
    expect(intent.topic.length).toBeLessThanOrEqual(120)
    return
  }
  for (const operation of intent.operations) {
    if (operation.kind !== 'add-text') continue
    expect(Number.isFinite(operation.seconds)).toBe(true)
    expect(operation.seconds).toBeLessThanOrEqual(86_400)
    if (operation.text !== 'Title') expect(message).toContain(operation.text)
  }
}

describe('hostile instructions of the longest allowed length', () => {
  it.each(Object.entries(HOSTILE))('%s: read to a sane intent', (_, message) => {
    expect(message).toHaveLength(LONGEST)
    expectSane(readInstruction(message, false), message)
    expectSane(readInstruction(message, true), message)
  })

  it('read as the routing expects', () => {
    expect(
      readInstruction(HOSTILE['spaces after "about", then a line break'] as string, false),
    ).toMatchObject({ kind: 'long-video', totalScenes: 6 })
    expect(readInstruction(HOSTILE['"about" on every line'] as string, false)).toMatchObject({
      kind: 'long-video',
      totalScenes: 12,
    })
    expect(readInstruction(HOSTILE['digits then dashes before no unit'] as string, false)).toEqual({
      kind: 'edit',
      operations: [{ kind: 'add-text', text: 'Title', seconds: 3, centered: false }],
    })
    expect(readInstruction(HOSTILE['a run of end marks'] as string, false)).toMatchObject({
      topic: expect.stringMatching(/^tea!{114}\.\.\.$/),
    })
  })

  describe('through the simulator', () => {
    const simulator = createSimulator({ sceneMs: 5 })
    afterAll(() => simulator.close())

    it('answers each with its plan or its edit', async () => {
      for (const message of Object.values(HOSTILE)) {
        const intent = readInstruction(message, false)
        const response = await post(simulator.fetch, 'http://sim.test', '/api/agent', {
          ...runBody({ message }),
        })
        expect(response.status).toBe(200)
        if (intent.kind === 'edit') {
          const done = (await readEvents(response)).events.at(-1)
          expect(done?.event).toBe('done')
          continue
        }
        const reader = response.body?.getReader()
        let text = ''
        while (!text.includes('event: plan_ready')) {
          const chunk = await reader?.read()
          if (!chunk || chunk.done) break
          text += new TextDecoder().decode(chunk.value)
        }
        await reader?.cancel()
        expect(text).toContain(`"totalScenes":${intent.totalScenes}`)
      }
    })
  })
})
