import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { DEMO_USER, LONG_VIDEO_PROMPT, paidRequests } from '@kvidai/agent-sim/testing'
import { type ReactNode, StrictMode } from 'react'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { KvidAgentProvider, type KvidAgentProviderProps } from './kvid-agent-provider'

export const DEMO = { email: DEMO_USER.email, apiKey: DEMO_USER.apiKey }

/** A simulator over HTTP on 127.0.0.1 for the whole file, reset before each test. */
export function setupSimulator(options: Parameters<typeof startSimulator>[0] = {}) {
  const handle = { simulator: null as unknown as NodeSimulator & { url: string } }
  beforeAll(async () => {
    handle.simulator = await startSimulator({ sceneMs: 10, ...options })
  })
  beforeEach(() => handle.simulator.admin.reset())
  afterAll(() => handle.simulator.close())
  return handle
}

export function providerFor(
  simulator: { url: string },
  props: Partial<KvidAgentProviderProps> & { strict?: boolean } = {},
) {
  const { strict, ...rest } = props
  return function Wrapper({ children }: { children?: ReactNode }) {
    const tree = (
      <KvidAgentProvider baseUrl={simulator.url} {...DEMO} projectId={1} storage={null} {...rest}>
        {children}
      </KvidAgentProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
}

export const posts = (simulator: NodeSimulator) => paidRequests(simulator).total

export function checks(simulator: NodeSimulator) {
  return simulator.admin.requests().byRoute['GET /api/agent/check-resume']
}

export const LONG_VIDEO = LONG_VIDEO_PROMPT
export const EMPTY = { tracks: [] }
