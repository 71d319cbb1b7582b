import { hasWordAt, isDigitAt, isSpaceAt, isWordCharAt, skipForward } from './text-scan'

const MINUTE_WORDS = ['minutes', 'minute', 'mins', 'min']
const SECOND_WORDS = ['seconds', 'second', 'secs', 'sec', 's']
const SCENE_WORDS = ['scenes', 'scene']

function isSeparatorAt(text: string, index: number): boolean {
  return text.charAt(index) === '-' || isSpaceAt(text, index)
}

interface Amount {
  /** Whether a decimal part (`1.5`) is read. */
  decimals: boolean
  /** Whether a `-` may stand between the number and its unit, besides whitespace. */
  dashes: boolean
  /** Whether the number must start a word (`\b` before it). */
  wordStart: boolean
}

/**
 * The first number in `text` followed by one of `units` (a whole word), or null. Each run
 * of digits is tried once from its start: a start inside the run reaches the same unit, so
 * it could only fail the same way. The scan is linear in the length of `text`.
 */
function amountOf(text: string, units: readonly string[], amount: Amount): number | null {
  let index = 0
  while (index < text.length) {
    if (!isDigitAt(text, index)) {
      index++
      continue
    }
    const start = index
    const digitsEnd = skipForward(text, start, isDigitAt)
    let end = digitsEnd
    if (amount.decimals && text.charAt(end) === '.' && isDigitAt(text, end + 1)) {
      end = skipForward(text, end + 1, isDigitAt)
    }
    const unitStart = skipForward(text, end, amount.dashes ? isSeparatorAt : isSpaceAt)
    const counts = !amount.wordStart || start === 0 || !isWordCharAt(text, start - 1)
    if (counts && hasWordAt(text, unitStart, units)) return Number(text.slice(start, end))
    // The digits after a decimal point start a run of their own ("1.5.5 minutes" is 5.5).
    index = digitsEnd
  }
  return null
}

/** "3 minutes", "30-second", "1.5 mins", "10s": the duration an instruction names, in seconds. */
export function durationSeconds(text: string): number | null {
  const span = { decimals: true, dashes: true, wordStart: false }
  const minutes = amountOf(text, MINUTE_WORDS, span)
  if (minutes !== null) return minutes * 60
  return amountOf(text, SECOND_WORDS, span)
}

/**
 * "in 8 scenes": the scene count an instruction names, or null. With `wordStart`, the
 * number must begin a word ("x8 scenes" does not count).
 */
export function sceneCount(text: string, wordStart = false): number | null {
  return amountOf(text, SCENE_WORDS, { decimals: false, dashes: false, wordStart })
}
