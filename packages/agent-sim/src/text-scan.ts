/**
 * Character tests and forward scans for reading instructions in a single pass. Each helper
 * looks at a fixed number of characters, or walks a run once, so nothing built on them can
 * backtrack. Word characters and whitespace are what `\w` and `\s` mean in a regex.
 */

const WHITESPACE = /\s/

export function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}

/** `[A-Za-z0-9_]`: the characters a regex `\b` tells apart from the rest. */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  )
}

export function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code === 32 || (code >= 9 && code <= 13)) return true
  return code > 127 && WHITESPACE.test(text.charAt(index))
}

export function isLineBreakAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029
}

/** `.`, `!` or `?`: what may close a sentence. */
export function isEndMarkAt(text: string, index: number): boolean {
  const character = text.charAt(index)
  return character === '.' || character === '!' || character === '?'
}

/** The first index at or after `from` where `test` no longer holds. */
export function skipForward(
  text: string,
  from: number,
  test: (text: string, index: number) => boolean,
): number {
  let index = from
  while (index < text.length && test(text, index)) index++
  return index
}

/** The first index of the run that ends at `to` (exclusive) where `test` holds, not before `floor`. */
export function skipBackward(
  text: string,
  to: number,
  floor: number,
  test: (text: string, index: number) => boolean,
): number {
  let index = to
  while (index > floor && test(text, index - 1)) index--
  return index
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code
}

/** Whether `text` has `word` (lower-case ASCII) at `index`, in any case, as a regex `/i` would. */
export function hasTextAt(text: string, index: number, word: string): boolean {
  if (index < 0 || index + word.length > text.length) return false
  for (let offset = 0; offset < word.length; offset++) {
    if (lowerAscii(text.charCodeAt(index + offset)) !== word.charCodeAt(offset)) return false
  }
  return true
}

/** Whether a whole word (no word character right after it) at `index` is one of `words`. */
export function hasWordAt(text: string, index: number, words: readonly string[]): boolean {
  return words.some(
    (word) => hasTextAt(text, index, word) && !isWordCharAt(text, index + word.length),
  )
}
