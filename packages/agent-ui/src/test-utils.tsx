import { KvidAgentProvider, type KvidAgentProviderProps, useAgentRun } from '@kvidai/agent-react'
import { createSimulator, type Simulator, type SimulatorOptions } from '@kvidai/agent-sim'
import { type RenderResult, render } from '@testing-library/react'
import axe from 'axe-core'
import type { ReactElement, ReactNode } from 'react'
import { afterAll, beforeEach, expect } from 'vitest'
import { type Catalogs, KvidMessagesProvider } from './i18n/messages-provider'
import { BASE_URL, proxyFetch } from './stories/proxy-fetch'

export { BASE_URL, proxyFetch }

/** A simulator running in this page, reset before each test. Works in jsdom and Chromium. */
export function setupSimulator(options: SimulatorOptions = {}): Simulator {
  const simulator = createSimulator({ sceneMs: 10, ...options })
  beforeEach(() => simulator.admin.reset())
  afterAll(() => simulator.close())
  return simulator
}

/** Provider props, plus the catalogs an app would give `KvidMessagesProvider` (`{ ko }`). */
export type AgentOptions = Partial<KvidAgentProviderProps> & { catalogs?: Catalogs }

export function withAgent(
  simulator: Simulator,
  { catalogs, ...props }: AgentOptions = {},
): (props: { children?: ReactNode }) => ReactElement {
  const fetch = proxyFetch(simulator)
  return function Wrapper({ children }) {
    return (
      // crossTab off: test files run side by side on one origin, each with its own simulator;
      // they are not tabs of one app.
      <KvidAgentProvider
        baseUrl={BASE_URL}
        fetch={fetch}
        projectId={1}
        storage={null}
        crossTab={false}
        {...props}
      >
        <KvidMessagesProvider catalogs={catalogs}>{children}</KvidMessagesProvider>
      </KvidAgentProvider>
    )
  }
}

export function renderWithAgent(
  ui: ReactElement,
  simulator: Simulator,
  props: AgentOptions = {},
): RenderResult {
  return render(ui, { wrapper: withAgent(simulator, props) })
}

/** Runs axe on what was rendered and fails on any violation. */
export async function expectAccessible(container: Element) {
  const results = await axe.run(container, { resultTypes: ['violations'] })
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

export function postsTo(simulator: Simulator) {
  return simulator.admin.requests().byRoute
}

export const EMPTY = { tracks: [] }

/** A button labelled "Start" that starts a run with `message` on an empty composition. */
export function StartButton({ message, templateId }: { message: string; templateId?: string }) {
  const run = useAgentRun()
  return (
    <button type="button" onClick={() => run.start({ message, composition: EMPTY, templateId })}>
      Start
    </button>
  )
}
