// Figure 3 — simulator → proxy (createAgentProxy on @hono/node-server) → SDK → DOM in Chromium, all
// on loopback. The simulator runs in its own process (startSimulator); the proxy stamps each
// event as its bytes arrive from the simulator, the page stamps it once its row is in the
// DOM; the difference (same machine clock) is the latency the proxy, the browser's network
// stack, the SDK and the DOM add.
import { serve } from '@hono/node-server'
import { createAgentProxy } from '@kvidai/agent-core/server'
import { build } from 'esbuild'
import { chromium } from 'playwright'
import { chromiumLaunchOptions } from '../chromium'
import { forkSimulator } from './lib/fork-simulator'
import { API_KEY, EMAIL } from './lib/recording'
import { stampResponse } from './lib/stamp-events'
import { median, quantile, round } from './lib/stats'

const now = () => performance.timeOrigin + performance.now()

/** Serves a fetch handler on a free port of 127.0.0.1. */
function listen(handler: (request: Request) => Promise<Response>) {
  return new Promise<{ server: ReturnType<typeof serve>; url: string }>((resolve) => {
    const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    )
  })
}

export async function runLatency({ scenes = 60, sceneMs = 50, runs = 6 } = {}) {
  const page = await build({
    entryPoints: [new URL('./latency/page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const script = page.outputFiles[0]!.text
  const simulator = await forkSimulator({ sceneMs, concurrency: 3, credits: 1e9 })
  let stamps: number[] = []
  const upstream = async (request: Request) => {
    const { pathname, search } = new URL(request.url)
    const body = request.method === 'POST' ? await request.text() : undefined
    const answer = await fetch(`${simulator.url}${pathname}${search}`, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    })
    return stampResponse(answer, stamps, now)
  }
  const proxy = createAgentProxy({
    upstream,
    apiKey: API_KEY,
    basePath: '/api/kvid',
    resolveUser: () => ({ email: EMAIL }),
  })
  const app = await listen(async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/') {
      return new Response(
        '<!doctype html><meta charset="utf-8"><title>latency</title><ol id="events"></ol><script type="module" src="/app.js"></script>',
        {
          headers: { 'content-type': 'text/html' },
        },
      )
    }
    if (pathname === '/app.js')
      return new Response(script, { headers: { 'content-type': 'text/javascript' } })
    if (pathname === '/favicon.ico') return new Response(null, { status: 204 })
    return proxy(request)
  })
  const browser = await chromium.launch(chromiumLaunchOptions())
  const added: number[] = []
  const inPage: number[] = [] // from the bytes reaching the page to the DOM row: SDK + DOM
  const steady: number[] = [] // after the first 6 events (request start, plan, first scenes)
  const perRun = []
  try {
    for (let run = 0; run < runs; run++) {
      stamps = []
      const tab = await browser.newPage()
      await tab.goto(`${app.url}/?scenes=${scenes}`)
      await tab.waitForFunction(() => '__latency' in window, null, {
        timeout: 60_000,
      })
      const result = (await tab.evaluate(
        () => (window as unknown as { __latency: unknown }).__latency,
      )) as {
        seen: number[]
        arrived: number[]
        outcome: string
      }
      await tab.close()
      if (result.seen.length !== stamps.length || result.arrived.length !== stamps.length) {
        throw new Error(
          `event counts differ: simulator ${stamps.length}, page ${result.seen.length} shown / ${result.arrived.length} arrived`,
        )
      }
      const latencies = result.seen.map((at, index) => at - stamps[index]!)
      if (process.argv.includes('--debug'))
        console.error(latencies.map((value) => value.toFixed(1)).join(' '))
      if (run > 0) {
        // the first run warms up the browser and the JIT
        added.push(...latencies)
        inPage.push(...result.seen.map((at, index) => at - result.arrived[index]!))
        steady.push(...latencies.slice(6))
      }
      perRun.push({
        outcome: result.outcome,
        events: result.seen.length,
        p50: round(median(latencies)),
        p99: round(quantile(latencies, 0.99)),
        firstEventVisibleMsBeforeStreamEnd: Math.round(stamps.at(-1)! - result.seen[0]!),
        streamMs: Math.round(stamps.at(-1)! - stamps[0]!),
      })
    }
  } finally {
    await browser.close()
    if ('closeAllConnections' in app.server) app.server.closeAllConnections()
    await new Promise((resolve) => app.server.close(resolve))
    await simulator.close()
  }
  const p99 = quantile(added, 0.99)
  return {
    path: 'simulator (own process, HTTP) → createAgentProxy (@hono/node-server) → Chromium: SDK store → DOM row; stamped as each event is complete at proxy ingress and on arrival in the page, and at DOM insertion',
    scenes,
    sceneMs,
    measuredRuns: runs - 1,
    events: added.length,
    p50Ms: round(median(added)),
    p99Ms: round(p99),
    maxMs: round(Math.max(...added)),
    p99AfterFirst6EventsMs: round(quantile(steady, 0.99)),
    /** The SDK's and the DOM's share: from the event's bytes reaching the page to its row. */
    inPageP50Ms: round(median(inPage), 3),
    inPageP99Ms: round(quantile(inPage, 0.99), 3),
    runs: perRun,
    firstEventBeforeEnd: perRun.every((run) => run.firstEventVisibleMsBeforeStreamEnd > 0),
    target: 'p99 ≤ 16 ms; first event visible before the stream ends',
    met: p99 <= 16 && perRun.every((run) => run.firstEventVisibleMsBeforeStreamEnd > 0),
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await runLatency(), null, 2))
