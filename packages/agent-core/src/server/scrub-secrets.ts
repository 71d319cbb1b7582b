const REDACTED = '[redacted]'

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1)

/**
 * Every form in which a secret could come back in an answer that echoes the request: as sent,
 * escaped inside a JSON string (twice: the body it was sent in, echoed as a string), and
 * URL-encoded. For the usual letters, digits, `_` and `-` these are all the same. Longest
 * first, so no form is cut by a shorter one.
 */
export function secretForms(secrets: ReadonlyArray<string | undefined>): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    forms.add(secret)
    forms.add(jsonEscaped(secret))
    forms.add(jsonEscaped(jsonEscaped(secret)))
    forms.add(encodeURIComponent(secret))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/** The text with every occurrence of the secrets replaced by `[redacted]`. */
export function scrubText(text: string, forms: readonly string[]): string {
  let result = text
  for (const form of forms) {
    if (result.includes(form)) result = result.replaceAll(form, REDACTED)
  }
  return result
}

/** How many characters at the end of `text` could be the start of a secret cut by a chunk. */
function partialSecretLength(text: string, forms: readonly string[]): number {
  const last = text.charCodeAt(text.length - 1)
  let longest = 0
  for (const form of forms) {
    for (let length = Math.min(form.length - 1, text.length); length > longest; length--) {
      if (form.charCodeAt(length - 1) === last && text.endsWith(form.slice(0, length))) {
        longest = length
        break
      }
    }
  }
  return longest
}

/**
 * An event stream relayed with the secrets scrubbed, chunk by chunk as it comes. Only a tail
 * that could begin a secret is held back until the next chunk; an event ends with a blank
 * line, which no secret holds, so no complete event ever waits. `onEnd` runs once when the
 * stream is over: read to the end, failed, or cancelled by the reader.
 */
export function scrubStream(
  source: ReadableStream<Uint8Array>,
  forms: readonly string[],
  onEnd: () => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  let held = ''
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // Loops until it has something to give: a chunk may be held back whole.
        for (;;) {
          const { value, done } = await reader.read()
          if (done) {
            const rest = scrubText(held + decoder.decode(), forms)
            if (rest) controller.enqueue(encoder.encode(rest))
            controller.close()
            onEnd()
            return
          }
          const text = scrubText(held + decoder.decode(value, { stream: true }), forms)
          const ready = text.length - partialSecretLength(text, forms)
          held = text.slice(ready)
          if (ready > 0) {
            controller.enqueue(encoder.encode(text.slice(0, ready)))
            return
          }
        }
      } catch (error) {
        onEnd()
        controller.error(error)
      }
    },
    async cancel(reason) {
      onEnd()
      await reader.cancel(reason)
    },
  })
}
