/** What reading a body up to a size found. */
export type LimitedText =
  | { kind: 'text'; text: string }
  | { kind: 'too-large' }
  | { kind: 'not-utf8' }

/**
 * Reads a byte stream as UTF-8 text with a running byte count, and stops as soon as the count
 * passes `limit`: the rest is never read and the stream is cancelled. Each chunk is decoded as
 * it arrives, so the bytes are never held as a whole beside the text.
 *
 * `strict` refuses bytes that are not UTF-8 (`not-utf8`); otherwise they become U+FFFD.
 */
export async function readLimitedText(
  body: ReadableStream<Uint8Array> | null,
  { limit, strict }: { limit: number; strict: boolean },
): Promise<LimitedText> {
  if (!body) return { kind: 'text', text: '' }
  const reader = body.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: strict })
  const parts: string[] = []
  let size = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return { kind: 'too-large' }
    }
    const text = decode(decoder, value)
    if (text === null) {
      await reader.cancel().catch(() => {})
      return { kind: 'not-utf8' }
    }
    parts.push(text)
  }
  const rest = decode(decoder)
  if (rest === null) return { kind: 'not-utf8' }
  parts.push(rest)
  return { kind: 'text', text: parts.join('') }
}

/** The text of one more chunk (the end when none), or null on bytes that are not UTF-8. */
function decode(decoder: TextDecoder, chunk?: Uint8Array): string | null {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
  } catch {
    return null
  }
}
