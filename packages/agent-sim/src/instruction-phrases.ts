import {
  hasTextAt,
  isDigitAt,
  isEndMarkAt,
  isLineBreakAt,
  isSpaceAt,
  isWordCharAt,
  skipBackward,
  skipForward,
} from './text-scan'

/** Each opening quote and the quote that closes it. */
const QUOTES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  '\u201c': '\u201d',
  '\u2018': '\u2019',
}

/**
 * The first non-empty quoted text ('…', "…", “…” or ‘…’), or null. Where each closing quote
 * next occurs is remembered and only looked up again once the scan has passed it, so a
 * message full of unclosed quotes is still read in one pass.
 */
export function quotedText(text: string): string | null {
  const nextClose = new Map<string, number>()
  for (let index = 0; index < text.length; index++) {
    const close = QUOTES[text.charAt(index)]
    if (close === undefined) continue
    let found = nextClose.get(close)
    if (found === undefined || (found !== -1 && found <= index)) {
      found = text.indexOf(close, index + 1)
      nextClose.set(close, found)
    }
    if (found > index + 1) return text.slice(index + 1, found)
  }
  return null
}

/** Where a closing "in 8 scenes", with the whitespace before it, starts; -1 without one. */
function sceneClauseStart(text: string, end: number): number {
  let sceneStart = -1
  if (hasTextAt(text, end - 6, 'scenes')) sceneStart = end - 6
  else if (hasTextAt(text, end - 5, 'scene')) sceneStart = end - 5
  if (sceneStart < 0) return -1
  const digitsEnd = skipBackward(text, sceneStart, 0, isSpaceAt)
  const digitsStart = skipBackward(text, digitsEnd, 0, isDigitAt)
  if (digitsStart === digitsEnd) return -1
  const inEnd = skipBackward(text, digitsStart, 0, isSpaceAt)
  if (inEnd === digitsStart || !hasTextAt(text, inEnd - 2, 'in')) return -1
  const clauseStart = skipBackward(text, inEnd - 2, 0, isSpaceAt)
  return clauseStart === inEnd - 2 ? -1 : clauseStart
}

/** The first line break at or after `from`, or -1. */
function nextLineBreak(text: string, from: number): number {
  const found = skipForward(text, from, (_, index) => !isLineBreakAt(text, index))
  return found < text.length ? found : -1
}

/**
 * The words after the first "about " up to a closing "in N scenes" or one final mark, if
 * they hold no line break; null without such an "about". The closing clause is found once,
 * from the end, and the next line break is looked up again only once it is passed.
 */
function aboutPhrase(text: string): string | null {
  const end = isEndMarkAt(text, text.length - 1) ? text.length - 1 : text.length
  const clause = sceneClauseStart(text, end)
  let lineBreak = -2
  for (let index = 0; index + 5 < text.length; index++) {
    if (!hasTextAt(text, index, 'about')) continue
    if (index > 0 && isWordCharAt(text, index - 1)) continue
    const start = skipForward(text, index + 5, isSpaceAt)
    if (start === index + 5 || start >= text.length) continue
    const phraseEnd = clause > start ? clause : end > start ? end : text.length
    if (lineBreak !== -1 && lineBreak < start) lineBreak = nextLineBreak(text, start)
    if (lineBreak !== -1 && lineBreak < phraseEnd) continue
    return text.slice(start, phraseEnd)
  }
  return null
}

function withoutEndMarks(text: string): string {
  return text.slice(0, skipBackward(text, text.length, 0, isEndMarkAt))
}

/** What a long video is about: the words after "about", else the whole instruction, cut to 120. */
export function topicOf(message: string): string {
  const text = message.trim()
  const topic = withoutEndMarks(aboutPhrase(text) ?? text)
  return topic.length > 120 ? `${topic.slice(0, 117)}...` : topic
}
