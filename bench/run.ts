// `pnpm bench` — runs each figure in its own Node process (so heaps and JITs do not mix),
// prints a table and writes bench/results.json. `pnpm bench render memory` runs only those.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

const FIGURES = {
  pipeline: { title: '1. Pipeline: SDK vs parse floor (median time ratio)', file: 'pipeline.ts' },
  render: { title: '2. Render: components per scene event, 1,000-scene board', file: 'render.ts' },
  latency: {
    title: '3. Latency: simulator → proxy → Chromium DOM, added per event',
    file: 'latency.ts',
  },
  memory: { title: '4. Memory: SDK heap vs composition, 500 checkpoints', file: 'memory.ts' },
  scale: {
    title: '5. Simulator scale: concurrent streams, every event delivered',
    file: 'scale.ts',
  },
  'time-left': {
    title: '6. Time left: 8-scene video, estimate after 3 scenes vs actual',
    file: 'time-left.ts',
  },
} as const
type Figure = keyof typeof FIGURES

const asked = process.argv.slice(2).filter((name): name is Figure => name in FIGURES)
const chosen = asked.length ? asked : (Object.keys(FIGURES) as Figure[])
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 1e9),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
}
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}\n`,
)

const results: Record<string, unknown> = {}
const started = performance.now()
for (const name of chosen) {
  const figure = FIGURES[name]
  const begin = performance.now()
  process.stdout.write(`running ${name}… `)
  try {
    const output = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=3072',
        '--import',
        'tsx',
        new URL(figure.file, import.meta.url).pathname,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 8 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    results[name] = JSON.parse(output)
  } catch (error) {
    results[name] = { error: (error as Error).message.split('\n')[0], met: false }
  }
  console.log(`${((performance.now() - begin) / 1000).toFixed(1)} s`)
}

// biome-ignore lint/suspicious/noExplicitAny: result shapes differ per figure
type Any = Record<string, any>
const row = (name: Figure): [string, string, string, string] => {
  const result = results[name] as Any
  const title = FIGURES[name].title
  if (result.error) return [title, '—', `error: ${result.error}`, 'no']
  const met = result.met ? 'yes' : 'no'
  switch (name) {
    case 'pipeline':
      return [
        title,
        `≤ ${result.target}× each`,
        Object.entries(result.workloads as Record<string, Any>)
          .map(
            ([workload, figures]) =>
              `${workload}: ${figures.medianRatio}× (SDK ${figures.sdkMedianMs} ms vs floor ${figures.floorMedianMs} ms; ${(figures.recording.bytes / 1e6).toFixed(1)} MB, ${figures.recording.events} events)`,
          )
          .join('; '),
        met,
      ]
    case 'render':
      return [
        title,
        '1 card + summary; ≥ 20× fewer',
        `${result.sdk.componentsPerEventMedian} vs ${result.naive.componentsPerEventMedian} components: ${result.fewerRenders}× fewer; commit ${result.sdk.commitMsMedian} vs ${result.naive.commitMsMedian} ms`,
        met,
      ]
    case 'latency':
      return [
        title,
        'p99 ≤ 16 ms',
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.p99AfterFirst6EventsMs} ms after the first 6 events); in the page (SDK + DOM) p99 ${result.inPageP99Ms} ms; first event before end: ${result.firstEventBeforeEnd ? 'yes' : 'no'}`,
        met,
      ]
    case 'memory': {
      const last = result.points.at(-1)
      return [
        title,
        'heap ≤ 3× composition, flat',
        `${last.heapMB} MB heap / ${last.compositionMB} MB composition = ${result.finalHeapPerComposition}×; growth ${result.marginalHeapPerCompositionGrowth}× the composition's`,
        met,
      ]
    }
    case 'scale': {
      const held = result.steps.find((step: Any) => step.streams === result.held)
      return [
        title,
        '≥ 500 streams',
        `${result.held}${result.held === result.steps.at(-1)?.streams ? '+' : ''} streams all delivered${held ? `; ${held.heapPerStreamKB} KB heap, ${held.rssPerStreamKB} KB RSS per stream; p99 stream ${held.slowdownP99}× ideal` : ''}`,
        met,
      ]
    }
    case 'time-left':
      return [
        title,
        '±30 % every run',
        `${result.within} of ${result.runs.length} runs within ±30 % (a reference told the true scene time: ${result.referenceWithin}); median error ${result.medianError}, worst ${result.worstError}`,
        met,
      ]
  }
}
const rows = chosen.map(row)
const header: [string, string, string, string] = ['figure', 'target', 'measured', 'met']
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((cells) => cells[column]!.length)),
)
const line = (cells: string[]) =>
  cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')
console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`)
for (const cells of rows) console.log(line(cells))
const seconds = (performance.now() - started) / 1000
console.log(`\nTotal ${seconds.toFixed(0)} s. Details in bench/results.json.`)
writeFileSync(
  new URL('results.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), machine, seconds: Math.round(seconds), results }, null, 2)}\n`,
)
