/**
 * Passes a response body through unchanged and records, for each SSE event in it, the time
 * the chunk holding its `event:` line went by. Used on both sides of the latency figure.
 */
export function stampEvents(
  body: ReadableStream<Uint8Array>,
  stamps: number[],
  now: () => number,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder()
  let carry = ''
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const at = now()
        const text = carry + decoder.decode(chunk, { stream: true })
        for (const _match of text.matchAll(/(?:^|\n)event: /g)) stamps.push(at)
        carry = text.slice(-8).includes('\n') ? text.slice(text.lastIndexOf('\n')) : ''
        controller.enqueue(chunk)
      },
    }),
  )
}
