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

/** A Korean narration line and a long image prompt, the text a real edit carries per item. */
const NARRATION =
  '화산은 지구 내부의 마그마가 지표로 분출하면서 만들어지는 지형으로, 분화의 형태와 용암의 점성에 따라 모양이 크게 달라집니다. '
const PROMPT =
  'A cinematic wide shot of a volcano at dusk, glowing lava rivers on dark basalt slopes, ash plume lit from below, volumetric light, 35mm film grain, high detail, '

/**
 * An input composition of `items` small items, as a long Korean edit has them: narration
 * captions and images with long prompts, alternating, on two tracks.
 */
export function koreanComposition(items: number) {
  const ids = Array.from({ length: items }, (_, index) => `edit-${index}`)
  const text = ids.filter((_, index) => index % 2 === 0)
  const images = ids.filter((_, index) => index % 2 === 1)
  return {
    fps: 30,
    compositionWidth: 1080,
    compositionHeight: 1920,
    tracks: [
      { id: 'track-narration', items: text, trackType: 'text' },
      { id: 'track-images', items: images, trackType: 'image' },
    ],
    items: Object.fromEntries(
      ids.map((id, index) => [
        id,
        index % 2 === 0
          ? {
              id,
              type: 'text',
              from: index * 45,
              durationInFrames: 90,
              text: `${index}. ${NARRATION}`,
            }
          : {
              id,
              type: 'image',
              from: index * 45,
              durationInFrames: 90,
              assetId: `asset-${id}`,
              prompt: `${PROMPT}variation ${index}`,
            },
      ]),
    ),
    assets: Object.fromEntries(
      images.map((id) => [
        `asset-${id}`,
        { id: `asset-${id}`, type: 'image', src: `https://cdn.example.com/${id}.webp` },
      ]),
    ),
  }
}

export interface RecordOptions {
  scenes: number
  checkpointEvery: number
  paddingItems: number
  /** `korean`: `koreanComposition` instead of `paddedComposition`, and the run in Korean. */
  shape?: 'plain' | 'korean'
}

export async function recordRun({
  scenes,
  checkpointEvery,
  paddingItems,
  shape = 'plain',
}: RecordOptions) {
  const simulator = createSimulator({ sceneMs: 1, concurrency: 8, checkpointEvery, credits: 1e9 })
  const response = await simulator.fetch('http://sim/api/agent', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-key': API_KEY },
    body: JSON.stringify({
      message: `An explainer about X in ${scenes} scenes`,
      composition:
        shape === 'korean' ? koreanComposition(paddingItems) : paddedComposition(paddingItems),
      ...(shape === 'korean' && { locale: 'ko' }),
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
