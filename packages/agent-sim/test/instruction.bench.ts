/**
 * How long the simulator takes to read an instruction: an ordinary one, and the longest the
 * API allows built to make a backtracking parser slow. Run with `pnpm --filter
 * @kvidai/agent-sim bench`; the tests assert behaviour, this file measures speed.
 */
import { bench, describe } from 'vitest'
import { readInstruction } from '../src/instruction'

const LONGEST = 4000

function fill(prefix: string, body: string, suffix = ''): string {
  const room = LONGEST - prefix.length - suffix.length
  return prefix + body.repeat(Math.ceil(room / body.length)).slice(0, room) + suffix
}

const MESSAGES: Record<string, string> = {
  ordinary: 'Make a 30-second explainer about the new iPhone chip in 8 scenes.',
  'spaces after "about"': fill('explainer about', ' ', 'y\nz'),
  'digits, then dashes': fill('Make a video title ', '1', '-'.repeat(1990)),
  'digits and spaces': fill('make a video caption ', '1 '),
  '"about" on every line': fill('explainer ', 'about\n', ' in 12 scenes'),
  'unclosed quotes': fill('Add a title ', '\u201c'),
}

describe('readInstruction', () => {
  for (const [name, message] of Object.entries(MESSAGES)) {
    bench(`${name} (${message.length} characters)`, () => {
      readInstruction(message, false)
    })
  }
})
