import { serve } from '@hono/node-server'
import type { AgentEvent, UnknownAgentEvent } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAgentClient } from '../client/create-agent-client'
import { drain, startTestSimulator, type TestSimulator } from '../test-utils'
import { createAgentProxy } from './create-agent-proxy'

/**
 * Load through the proxy: many concurrent browsers' runs, each through the proxy to the
 * simulator over HTTP on 127.0.0.1. Every stream must arrive whole, and when they are over
 * no request, timer or socket of ours may be left behind. `pnpm test:load` runs it.
 */
const RUNS = 200
const SCENES = 6
const EVENTS = 3 + SCENES * 3 + 1

let simulator: TestSimulator
let proxyServer: ReturnType<typeof serve>
let proxyUrl: string

beforeAll(async () => {
  simulator = await startTestSimulator({ sceneMs: 20 })
  for (let index = 0; index < RUNS; index++) {
    simulator.admin.setUser(`load-${index}@example.com`, {
      apiKey: `kvid_load_${index}`,
      credits: 500,
    })
  }
  // Each user has their own key in the simulator: one proxy, the key picked per session.
  // Exactly one place per run, so a place not given back shows as a 503.
  const proxy = createAgentProxy({
    upstream: simulator.url,
    basePath: '/api/kvid',
    maxConcurrentRequests: RUNS,
    resolveUser: (request) => {
      const email = request.headers.get('x-test-session') ?? ''
      const index = email.match(/^load-(\d+)@/)?.[1]
      return index === undefined ? null : { email, apiKey: `kvid_load_${index}` }
    },
  })
  proxyUrl = await new Promise<string>((resolve) => {
    proxyServer = serve({ fetch: proxy, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve(`http://127.0.0.1:${info.port}/api/kvid`),
    )
  })
})

afterAll(async () => {
  await new Promise((resolve) => proxyServer.close(resolve))
  await simulator.close()
})

function resources() {
  return process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap')
}

async function settle(limitMs: number, baseline: number) {
  const deadline = Date.now() + limitMs
  while (resources().length > baseline && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return resources().length
}

it(`carries ${RUNS} concurrent runs through the proxy, every event delivered, nothing left open`, {
  timeout: 120_000,
}, async () => {
  const baseline = resources().length
  const exitListeners = process.listenerCount('exit')
  const results = await Promise.all(
    Array.from({ length: RUNS }, async (_, index) => {
      const events: Array<AgentEvent | UnknownAgentEvent> = []
      const client = createAgentClient({
        baseUrl: proxyUrl,
        headers: { 'x-test-session': `load-${index}@example.com` },
      })
      const outcome = await drain(
        client.run({
          message: `An explainer about topic ${index} in ${SCENES} scenes`,
          composition: { tracks: [] },
          projectId: index,
        }),
        { onEvent: (event) => events.push(event) },
      )
      return { outcome, events }
    }),
  )
  for (const { outcome, events } of results) {
    expect(outcome.reason).toBe('done')
    expect(events).toHaveLength(EVENTS)
  }
  const jobs = simulator.admin.jobs()
  expect(jobs).toHaveLength(RUNS)
  expect(new Set(jobs.map((job) => job.email)).size).toBe(RUNS)
  expect(jobs.every((job) => job.scenes.every((scene) => scene.generations === 1))).toBe(true)
  // Every stream over, every place is free again: as many requests at once all pass.
  const checks = await Promise.all(
    Array.from({ length: RUNS }, (_, index) =>
      fetch(`${proxyUrl}/api/agent/check-resume?projectId=${index}`, {
        headers: { 'x-test-session': `load-${index}@example.com` },
      }).then(async (response) => {
        await response.arrayBuffer()
        return response.status
      }),
    ),
  )
  expect(checks.filter((status) => status !== 200)).toEqual([])
  // Idle keep-alive sockets of the HTTP client close by themselves within seconds.
  expect(await settle(15_000, baseline)).toBeLessThanOrEqual(baseline)
  expect(process.listenerCount('exit')).toBe(exitListeners)
})
