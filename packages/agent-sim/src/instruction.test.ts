import { describe, expect, it } from 'vitest'
import { type Intent, MAX_SCENES, readInstruction } from './instruction'
import { createRandom } from './random'

const long = (totalScenes: number, secondsPerScene: number, topic: string): Intent => ({
  kind: 'long-video',
  totalScenes,
  secondsPerScene,
  topic,
})

describe('readInstruction on ordinary instructions', () => {
  it.each<[string, boolean, Intent]>([
    [
      'Make a 30-second explainer about the new iPhone chip in 8 scenes.',
      false,
      long(8, 3.75, 'the new iPhone chip'),
    ],
    ['make a 30-second video about coffee', false, long(6, 5, 'coffee')],
    ['Create a 2 minute video about the history of tea.', false, long(24, 5, 'the history of tea')],
    ['An explainer in 2 scenes', false, long(2, 5, 'An explainer in 2 scenes')],
    ['Storyboard about rockets!', false, long(6, 5, 'rockets')],
    ['Make a 1.5 min long video about bees', false, long(18, 5, 'bees')],
    ['Explain solar power in 3 scenes', false, long(3, 5, 'Explain solar power in 3 scenes')],
    [
      "Add a centered title 'Summer Sale' for 3 seconds.",
      false,
      {
        kind: 'edit',
        operations: [{ kind: 'add-text', text: 'Summer Sale', seconds: 3, centered: true }],
      },
    ],
    [
      'Add a caption “Hello world” for 10s',
      false,
      {
        kind: 'edit',
        operations: [{ kind: 'add-text', text: 'Hello world', seconds: 10, centered: false }],
      },
    ],
    [
      'Add a subtitle for 2 minutes',
      false,
      {
        kind: 'edit',
        operations: [{ kind: 'add-text', text: 'Title', seconds: 120, centered: false }],
      },
    ],
    [
      'Swap the background for a black one',
      true,
      { kind: 'edit', operations: [{ kind: 'background', color: '#000000' }] },
    ],
    [
      'Replace the white sofa with a black leather one',
      true,
      { kind: 'edit', operations: [{ kind: 'regenerate-item' }] },
    ],
    ['Replace the white sofa with a black leather one', false, { kind: 'edit', operations: [] }],
    ['Hmm, what do you think?', false, { kind: 'edit', operations: [] }],
  ])('%j (selected item: %s)', (message, selected, intent) => {
    expect(readInstruction(message, selected)).toEqual(intent)
  })

  it('reads the edge cases the way the regexes did', () => {
    // A number's decimal digits start a run of their own.
    expect(readInstruction('Add a title for 1.5.5 minutes', false)).toMatchObject({
      operations: [{ seconds: 330 }],
    })
    // "in N scenes" may be split over lines; the topic itself may not.
    expect(readInstruction('explainer about tea\nin\n4 scenes', false)).toEqual(long(4, 5, 'tea'))
    expect(readInstruction('explainer about tea\nand cake', false)).toEqual(
      long(6, 5, 'explainer about tea\nand cake'),
    )
    // Only the first non-empty quote counts, of any of the four kinds.
    expect(readInstruction(`Add a title '' then ‘Hi’ and "Yo"`, false)).toMatchObject({
      operations: [{ text: 'Hi' }],
    })
  })

  it('keeps durations to a day, and scene counts to the maximum', () => {
    const huge = '9'.repeat(400)
    expect(readInstruction(`Make a ${huge}-minute video about tea`, false)).toEqual(
      long(MAX_SCENES, 86_400 / MAX_SCENES, 'tea'),
    )
    expect(readInstruction(`An explainer in ${huge} scenes`, false)).toMatchObject({
      totalScenes: MAX_SCENES,
    })
    expect(readInstruction(`Add a title for ${huge} seconds`, false)).toMatchObject({
      operations: [{ seconds: 86_400 }],
    })
  })
})

/**
 * The regexes the parser replaced, kept as the reference for short messages, where their
 * backtracking costs nothing. Durations are capped at a day, as the parser now does.
 */
const reference = {
  duration(message: string): number | null {
    const minutes = /(\d+(?:\.\d+)?)[\s-]*(?:minutes?|mins?)\b/i.exec(message)
    if (minutes?.[1]) return Math.min(86_400, Number(minutes[1]) * 60)
    const seconds = /(\d+(?:\.\d+)?)[\s-]*(?:seconds?|secs?|s)\b/i.exec(message)
    return seconds?.[1] ? Math.min(86_400, Number(seconds[1])) : null
  },
  isLong(message: string): boolean {
    return (
      /\b\d+\s*scenes?\b|\bscenes\b/i.test(message) ||
      /\bexplainer\b|\blong[\s-]?video\b|\bstoryboard\b/i.test(message) ||
      (/\b(make|create|generate|produce)\b/i.test(message) &&
        /\bvideo\b/i.test(message) &&
        reference.duration(message) !== null)
    )
  },
  count(message: string): number | null {
    const count = /(\d+)\s*scenes?\b/i.exec(message)
    return count?.[1] ? Number(count[1]) : null
  },
  quoted(message: string): string | null {
    const match = /'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’/.exec(message)
    return match ? (match[1] ?? match[2] ?? match[3] ?? match[4] ?? null) : null
  },
  topic(message: string): string {
    const about = /\babout\s+(.+?)(?:\s+in\s+\d+\s*scenes?)?[.!?]?$/i.exec(message.trim())
    const topic = (about?.[1] ?? message.trim()).replace(/[.!?]+$/, '')
    return topic.length > 120 ? `${topic.slice(0, 117)}...` : topic
  },
}

const FRAGMENTS = [
  ...['make', 'a', 'video', 'about', 'About', 'in', 'IN', 'scenes', 'scene', 'Scenes', '4 scene!'],
  ...['explainer', 'storyboard', 'long video', 'title', 'text', 'background', 'black', 'centre'],
  ...['minutes', 'min', 'mins', 's', 'sec', 'seconds', '3', '30', '1.5', '2.5.5', '10s', '3min'],
  ...["'", '"', '“', '”', '‘', '’', "'a'", '“Hi”', '-', '.', '!', '?', 'x', '_', 'replace'],
  ...['in 3 scenes', 'about  x', '\n', '\t', '\r', '\u2028'],
]
const JOINS = [' ', '', '-', '  ', '\n']

describe('readInstruction against the regexes it replaced', () => {
  it('agrees with them on 4,000 generated short instructions', () => {
    const random = createRandom(13)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
    for (let round = 0; round < 4000; round++) {
      let message = ''
      const length = 1 + Math.floor(random() * 12)
      for (let part = 0; part < length; part++) message += pick(FRAGMENTS) + pick(JOINS)
      const intent = readInstruction(message, true)
      if (intent.kind === 'long-video') {
        expect(reference.isLong(message), message).toBe(true)
        expect(intent.topic, message).toBe(reference.topic(message))
        const count = reference.count(message)
        const seconds = reference.duration(message)
        let scenes = count ?? (seconds !== null ? Math.ceil(seconds / 5) : 6)
        scenes = Math.min(MAX_SCENES, Math.max(1, scenes))
        expect(intent.totalScenes, message).toBe(scenes)
        expect(intent.secondsPerScene, message).toBe(
          seconds !== null ? Math.max(1, seconds / scenes) : 5,
        )
      } else {
        expect(reference.isLong(message), message).toBe(false)
        const text = intent.operations.find((operation) => operation.kind === 'add-text')
        if (text) {
          expect(text.text, message).toBe(reference.quoted(message) ?? 'Title')
          expect(text.seconds, message).toBe(reference.duration(message) ?? 3)
        }
      }
    }
  })
})
