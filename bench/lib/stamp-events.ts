/**
 * Passes a response body through unchanged and records, for each SSE event in it, the time
 * the chunk that completed the event (its blank-line end) went by. Used on both sides of
 * the latency figure and by the scale figure to count events.
 */
export function stampEvents(
  body: ReadableStream<Uint8Array>,
  stamps: number[],
  now: () => number,
  onEvent?: (block: string) => void,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder()
  let pending = ''
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const at = now()
        const blocks = (pending + decoder.decode(chunk, { stream: true })).split('\n\n')
        pending = blocks.pop() ?? ''
        for (const block of blocks) {
          if (!block.startsWith('event: ') && !block.includes('\nevent: ')) continue
          stamps.push(at)
          onEvent?.(block)
        }
        controller.enqueue(chunk)
      },
    }),
  )
}

/** The same response with its events stamped; see `stampEvents`. */
export function stampResponse(response: Response, stamps: number[], now: () => number): Response {
  if (!response.body) return response
  const body = stampEvents(response.body, stamps, now)
  return new Response(body, { status: response.status, headers: response.headers })
}
