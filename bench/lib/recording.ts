// Records a long-video run from the simulator as the raw SSE bytes of its response body.
import { createSimulator, DEMO_USER } from '@kvidai/agent-sim'

/** The simulator's built-in user, with whom every figure runs. */
export const { apiKey: API_KEY, email: EMAIL } = DEMO_USER

/** An input composition of `items` text items on one track, to give checkpoints weight. */
export function paddedComposition(items: number) {
  const ids = Array.from({ length: items }, (_, index) => `pad-${index}`)
  return {
    fps: 30,
    compositionWidth: 1080,
    compositionHeight: 1920,
    tracks: [{ id: 'track-pad', items: ids, trackType: 'text' }],
    items: Object.fromEntries(
      ids.map((id, index) => [
        id,
        {
          id,
          type: 'text',
          from: index * 30,
          durationInFrames: 30,
          text: `Caption line ${index} of the existing edit`,
        },
      ]),
    ),
    assets: {},
  }
}

export interface RecordOptions {
  scenes: number
  checkpointEvery: number
  paddingItems: number
}

export async function recordRun({ scenes, checkpointEvery, paddingItems }: RecordOptions) {
  const simulator = createSimulator({ sceneMs: 1, concurrency: 8, checkpointEvery, credits: 1e9 })
  const response = await simulator.fetch('http://sim/api/agent', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': API_KEY },
    body: JSON.stringify({
      message: `An explainer about X in ${scenes} scenes`,
      composition: paddedComposition(paddingItems),
      projectId: 1,
      email: EMAIL,
      apiKey: API_KEY,
    }),
  })
  if (!response.ok || !response.body) throw new Error(`simulator answered ${response.status}`)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder().decode(bytes)
  const events = (text.match(/^event: /gm) ?? []).length
  const checkpoints = (text.match(/^event: checkpoint$/gm) ?? []).length
  const lastCheckpoint = text.lastIndexOf('event: checkpoint')
  const lastData =
    text
      .slice(lastCheckpoint)
      .split('\n')
      .find((line) => line.startsWith('data: ')) ?? ''
  return { bytes, events, checkpoints, finalCompositionBytes: lastData.length - 6 }
}

/** A fetch that answers every request with the recorded bytes, in chunks of `chunk` bytes. */
export function replayFetch(bytes: Uint8Array, chunk = 64 * 1024): typeof fetch {
  return async () =>
    new Response(chunkedStream(bytes, chunk), {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    })
}

export function chunkedStream(bytes: Uint8Array, chunk = 64 * 1024) {
  let offset = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(bytes.subarray(offset, offset + chunk))
      offset += chunk
    },
  })
}
