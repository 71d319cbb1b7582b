// Figure 2 — a 1,000-scene SceneProgressBoard in jsdom vs a naive board that keeps the whole
// run in one useState. Same events, one per act(); components rendered per scene event are
// counted with a DevTools-style commit hook, commit time with <Profiler>.
import { renders, resetRenders } from './lib/jsdom-env'
import { recordRun } from './lib/recording'
import { median, quantile, round } from './lib/stats'

const React = await import('react')
const { act } = React
const { createRoot } = await import('react-dom/client')
const { KvidAgentProvider, useAgentRun } = await import('@kvidai/agent-react')
const { SceneProgressBoard } = await import('@kvidai/agent-ui')
const { createInitialRunState, reduceAgentEvent } = await import('@kvidai/agent-core')
const h = React.createElement

type Sample = { components: number; commitMs: number; byName: Record<string, number> }

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

function splitBlocks(bytes: Uint8Array) {
  return new TextDecoder()
    .decode(bytes)
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null'
      return { text: `${block}\n\n`, name, data }
    })
}

async function measureSdkBoard(blocks: ReturnType<typeof splitBlocks>, sample: number) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const encoder = new TextEncoder()
  const fakeFetch: typeof fetch = async (input) => {
    if (String(input).includes('check-resume')) return Response.json({ success: true, data: null })
    const body = new ReadableStream<Uint8Array>({
      start: (streamController) => {
        controller = streamController
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
  }
  let start!: ReturnType<typeof useAgentRun>['start']
  function Starter() {
    start = useAgentRun().start
    return null
  }
  let commitMs = 0
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => {
    root.render(
      h(
        KvidAgentProvider,
        { baseUrl: 'http://app.test/api/kvid', fetch: fakeFetch, projectId: 1, storage: null },
        h(Starter),
        h(
          React.Profiler,
          {
            id: 'board',
            onRender: (_id: string, _phase: string, actual: number) => {
              commitMs += actual
            },
          },
          h(SceneProgressBoard),
        ),
      ),
    )
    await tick()
  })
  await act(async () => {
    void start({ message: 'An explainer about X in 1000 scenes', composition: { tracks: [] } })
    await tick()
  })
  const send = async (text: string) => {
    resetRenders()
    commitMs = 0
    await act(async () => {
      controller.enqueue(encoder.encode(text))
      await tick()
      await tick()
    })
    return { components: renders.total, commitMs, byName: Object.fromEntries(renders.byName) }
  }
  const planAt = blocks.findIndex((block) => block.name === 'plan_ready')
  for (const block of blocks.slice(0, planAt)) await send(block.text)
  const mount = await send(blocks[planAt]!.text)
  const rest = blocks.slice(planAt + 1)
  const cards = container.querySelectorAll('[data-kvid-scene]').length
  const samples: Sample[] = []
  for (const block of rest.filter((b) => b.name.startsWith('scene_')).slice(0, sample))
    samples.push(await send(block.text))
  await act(async () => root.unmount())
  container.remove()
  return { mount, cards, samples }
}

async function measureNaiveBoard(blocks: ReturnType<typeof splitBlocks>, sample: number) {
  let dispatch!: (event: { type: string; data: unknown }) => void
  function NaiveCard({
    scene,
    index,
  }: {
    scene: { status?: string; error?: string } | undefined
    index: number
  }) {
    return h(
      'li',
      { 'data-state': scene?.status ?? 'pending' },
      `Scene ${index + 1}`,
      scene?.error ? h('p', null, scene.error) : null,
    )
  }
  function NaiveSummary({ done, total }: { done: number; total: number }) {
    return h(
      'div',
      { role: 'progressbar', 'aria-valuenow': done, 'aria-valuemax': total },
      `${done} of ${total} scenes`,
    )
  }
  function NaiveBoard() {
    const [state, setState] = React.useState(() => createInitialRunState(1))
    dispatch = (event) =>
      setState((current: ReturnType<typeof createInitialRunState>) =>
        reduceAgentEvent(current, event as never),
      )
    // one card per planned scene, like the real board
    const scenes = Array.from({ length: state.plan?.totalScenes ?? 0 }, (_, index) => {
      const id = state.sceneOrder[index]
      return id === undefined ? undefined : state.scenes[id]
    })
    const done = scenes.filter((scene) => scene?.status === 'complete').length
    return h(
      'section',
      null,
      h(NaiveSummary, { done, total: scenes.length }),
      h(
        'ol',
        null,
        scenes.map((scene, index) => h(NaiveCard, { key: index, scene, index })),
      ),
    )
  }
  let commitMs = 0
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => {
    root.render(
      h(
        React.Profiler,
        {
          id: 'naive',
          onRender: (_id: string, _phase: string, actual: number) => {
            commitMs += actual
          },
        },
        h(NaiveBoard),
      ),
    )
  })
  const send = async (block: { name: string; data: string }) => {
    resetRenders()
    commitMs = 0
    await act(async () => dispatch({ type: block.name, data: JSON.parse(block.data) }))
    return { components: renders.total, commitMs, byName: Object.fromEntries(renders.byName) }
  }
  const planAt = blocks.findIndex((block) => block.name === 'plan_ready')
  const mount = await send(blocks[planAt]!)
  const rest = blocks.slice(planAt + 1)
  const samples: Sample[] = []
  for (const block of rest.filter((b) => b.name.startsWith('scene_')).slice(0, sample))
    samples.push(await send(block))
  await act(async () => root.unmount())
  container.remove()
  return { mount, samples }
}

const summarise = (samples: Sample[]) => ({
  sceneEvents: samples.length,
  componentsPerEventMedian: median(samples.map((s) => s.components)),
  componentsPerEventMax: Math.max(...samples.map((s) => s.components)),
  commitMsMedian: round(median(samples.map((s) => s.commitMs)), 3),
  commitMsP95: round(
    quantile(
      samples.map((s) => s.commitMs),
      0.95,
    ),
    3,
  ),
  typicalEvent: samples[Math.floor(samples.length / 2)]?.byName,
})

export async function runRender({ scenes = 1000, sample = 300 } = {}) {
  const recording = await recordRun({ scenes, checkpointEvery: 1e6, paddingItems: 0 })
  const blocks = splitBlocks(recording.bytes)
  const sdk = await measureSdkBoard(blocks, sample)
  const naive = await measureNaiveBoard(blocks, sample)
  const sdkSummary = summarise(sdk.samples)
  const naiveSummary = summarise(naive.samples)
  const ratio = naiveSummary.componentsPerEventMedian / sdkSummary.componentsPerEventMedian
  return {
    scenes,
    cardsMounted: sdk.cards,
    sdk: {
      mountComponents: sdk.mount.components,
      mountCommitMs: round(sdk.mount.commitMs, 1),
      ...sdkSummary,
    },
    naive: {
      mountComponents: naive.mount.components,
      mountCommitMs: round(naive.mount.commitMs, 1),
      ...naiveSummary,
    },
    fewerRenders: round(ratio, 1),
    commitSpeedup: round(naiveSummary.commitMsMedian / sdkSummary.commitMsMedian, 1),
    target: '1 card + summary per scene event; ≥ 20× fewer renders than one useState',
    met: sdkSummary.componentsPerEventMedian <= 2 && ratio >= 20,
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runRender(), null, 2))
