// Figure 1 — the SDK pipeline vs the floor, on the same recorded bytes, interleaved.
// SDK: createAgentClient (injected fetch streaming the bytes) + createAgentRunStore.start.
// Floor: TextDecoder + line split + JSON.parse of every data line, nothing else.
// Run with --expose-gc: the heap is collected before every timed run.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import {
  API_KEY,
  chunkedStream,
  EMAIL,
  type RecordOptions,
  recordRun,
  replayFetch,
} from './lib/recording'
import { gc, median, round } from './lib/stats'

async function throughSdk(bytes: Uint8Array) {
  const client = createAgentClient({
    baseUrl: 'http://replay',
    apiKey: API_KEY,
    email: EMAIL,
    fetch: replayFetch(bytes),
  })
  const store = createAgentRunStore({ client, projectId: 1 })
  let notified = 0
  const unsubscribe = store.subscribe(() => {
    notified++
  })
  const outcome = await store.start({
    message: 'An explainer about X in 1000 scenes',
    composition: { tracks: [] },
  })
  unsubscribe()
  if (outcome.reason !== 'done') throw new Error(`SDK run ended ${outcome.reason}`)
  return { notified, scenes: store.getState().sceneOrder.length }
}

async function throughFloor(bytes: Uint8Array) {
  const decoder = new TextDecoder()
  const reader = chunkedStream(bytes).getReader()
  let buffer = ''
  let parsed = 0
  let last: unknown
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    const searchFrom = buffer.length
    buffer += decoder.decode(value, { stream: true })
    // split only at newlines that arrived in this chunk (no re-scanning of long lines)
    let start = 0
    let end = buffer.indexOf('\n', searchFrom)
    while (end !== -1) {
      const line = buffer.slice(start, end)
      if (line.startsWith('data: ')) {
        last = JSON.parse(line.slice(6))
        parsed++
      }
      start = end + 1
      end = buffer.indexOf('\n', start)
    }
    buffer = buffer.slice(start)
  }
  return { parsed, last }
}

/** The two recorded workloads: many scenes with large checkpoints, and many small items in Korean. */
const WORKLOADS = {
  /** 1,000 scenes, a checkpoint every 10 (~440 KB each, few and large items). */
  'long video': { scenes: 1000, checkpointEvery: 10, paddingItems: 0 },
  /** 60 scenes, a checkpoint after each (~210 KB each: 500+ small items, Korean narration, long prompts). */
  'korean edit': { scenes: 60, checkpointEvery: 1, paddingItems: 500, shape: 'korean' as const },
}

/** The ratio the issue asks of every workload. */
const TARGET = 1.2

async function measureWorkload(options: RecordOptions, rounds: number) {
  const recording = await recordRun(options)
  const sdkTimes: number[] = []
  const floorTimes: number[] = []
  const ratios: number[] = []
  let scenes = 0
  // one warm-up each, then interleaved rounds (alternating which goes first)
  await throughSdk(recording.bytes)
  await throughFloor(recording.bytes)
  for (let round = 0; round < rounds; round++) {
    const measure = async (which: 'sdk' | 'floor') => {
      // Each run starts on a collected heap, so neither pays for the other's garbage.
      gc()
      const start = performance.now()
      if (which === 'sdk') scenes = (await throughSdk(recording.bytes)).scenes
      else await throughFloor(recording.bytes)
      return performance.now() - start
    }
    let sdk: number
    let floor: number
    if (round % 2 === 0) {
      sdk = await measure('sdk')
      floor = await measure('floor')
    } else {
      floor = await measure('floor')
      sdk = await measure('sdk')
    }
    sdkTimes.push(sdk)
    floorTimes.push(floor)
    ratios.push(sdk / floor)
  }
  return {
    recording: {
      bytes: recording.bytes.byteLength,
      events: recording.events,
      checkpoints: recording.checkpoints,
      finalCompositionBytes: recording.finalCompositionBytes,
      averageCheckpointBytes: Math.round(recording.bytes.byteLength / recording.checkpoints),
      scenesInStore: scenes,
    },
    rounds,
    sdkMedianMs: round(median(sdkTimes), 1),
    floorMedianMs: round(median(floorTimes), 1),
    medianRatio: round(median(ratios)),
    ratios: ratios.map((ratio) => round(ratio)),
    met: median(ratios) <= TARGET,
  }
}

export async function runPipeline({ rounds = 7 } = {}) {
  const workloads: Record<string, Awaited<ReturnType<typeof measureWorkload>>> = {}
  for (const [name, options] of Object.entries(WORKLOADS)) {
    workloads[name] = await measureWorkload(options, rounds)
  }
  return {
    workloads,
    target: TARGET,
    met: Object.values(workloads).every((workload) => workload.met),
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runPipeline(), null, 2))
