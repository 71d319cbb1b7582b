/**
 * Hands on an SSE response one event per task, so that a UI test sees one render commit
 * per event (a real network often delivers several events in one chunk). Other responses
 * pass through untouched.
 */
export function paceEvents(response: Response): Response {
  if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
    return response
  }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  let buffered = ''
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const end = buffered.indexOf('\n\n')
        if (end !== -1) {
          await new Promise((resolve) => setTimeout(resolve, 0))
          controller.enqueue(encoder.encode(buffered.slice(0, end + 2)))
          buffered = buffered.slice(end + 2)
          return
        }
        const { value, done } = await reader.read()
        if (done) {
          controller.close()
          return
        }
        buffered += decoder.decode(value, { stream: true })
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return new Response(body, { status: response.status, headers: response.headers })
}
