import type { AgentRunStore } from '@kvidai/agent-core'
import { KvidAgentProvider, useAgentStore } from '@kvidai/agent-react'
import { createSimulator, type Simulator, type SimulatorOptions } from '@kvidai/agent-sim'
import { simulatorFetch } from '@kvidai/agent-sim/testing'
import axe from 'axe-core'
import type { ReactElement, ReactNode } from 'react'
import { afterAll, beforeEach, expect } from 'vitest'

import { BASE_URL } from './stories/story-parts'

export { BASE_URL, RunButtons } from './stories/story-parts'

/** A simulator running in this page, reset before each test. Works in jsdom and Chromium. */
export function setupSimulator(options: SimulatorOptions = {}): Simulator {
  const simulator = createSimulator({ sceneMs: 10, ...options })
  beforeEach(() => simulator.admin.reset())
  afterAll(() => simulator.close())
  return simulator
}

/** How many requests a fetch was asked to send. */
export function countingFetch(fetch: typeof globalThis.fetch) {
  const counted = Object.assign(
    (input: RequestInfo | URL, init?: RequestInit) => {
      counted.calls++
      return fetch(input, init)
    },
    { calls: 0 },
  )
  return counted
}

/** A provider in proxy mode over the in-page simulator (no network). */
export function AgentHarness({
  simulator,
  fetch = simulatorFetch(simulator, { basePath: '/api/kvid' }),
  children,
}: {
  simulator: Simulator
  fetch?: typeof globalThis.fetch
  children?: ReactNode
}): ReactElement {
  return (
    <KvidAgentProvider baseUrl={BASE_URL} fetch={fetch} projectId={1} storage={null}>
      {children}
    </KvidAgentProvider>
  )
}

/** Hands the page's run store to the test, as a debugger would look at it. */
export function StoreProbe({ onStore }: { onStore(store: AgentRunStore): void }) {
  onStore(useAgentStore())
  return null
}

/** Runs axe on what was rendered and fails on any violation. */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, { resultTypes: ['violations'] })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}
