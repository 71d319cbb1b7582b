/** What reading a body with a limit gives: its text, or that it is over the limit. */
export type LimitedBody = { ok: true; text: string } | { ok: false; tooLarge: true }

/**
 * Reads a request body as UTF-8 text, never holding more than `maxBytes` of it. A declared
 * `content-length` over the limit is refused before a byte is read; otherwise bytes are
 * counted as they arrive and the stream is cancelled the moment the count passes the limit.
 * Throws when the stream fails (the client went away).
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false, tooLarge: true }
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const decoder = new TextDecoder()
  let received = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { ok: false, tooLarge: true }
    }
    text += decoder.decode(value, { stream: true })
  }
  return { ok: true, text: text + decoder.decode() }
}
