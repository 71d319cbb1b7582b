import type { Locale } from '@kvidai/agent-core'
import { KvidAgentProvider, useAgentRun } from '@kvidai/agent-react'
import {
  createSimulator,
  type Fault,
  type Simulator,
  type SimulatorOptions,
} from '@kvidai/agent-sim'
import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { type ReactNode, useEffect, useState } from 'react'
import { BASE_URL, proxyFetch } from './proxy-fetch'

export interface HarnessProps {
  /** The simulator behind the story: it runs in this page, no server needed. */
  simulator?: SimulatorOptions
  /** Staged before the first run. */
  fault?: Fault
  credits?: number
  locale?: Locale
  /** Quiet time before the run shows as stalled (the provider's option). */
  stallAfterMs?: number
  /** What "Start run" asks for. */
  message?: string
  /**
   * Adds a "Reload page" button: the provider and everything in it mount afresh, with run
   * storage that outlives them as the browser's does a reload. Without it nothing is stored.
   */
  reloadable?: boolean
  children?: ReactNode
}

const harnessStyle = {
  display: 'grid',
  gap: '1rem',
  maxWidth: 960,
  fontFamily: 'system-ui, sans-serif',
}

/** Each story gets its own simulator, a provider in proxy mode, and a "Start run" button. */
export function StoryHarness({
  simulator: options,
  fault,
  credits,
  locale = 'en',
  stallAfterMs,
  message,
  reloadable = false,
  children,
}: HarnessProps) {
  const [page, setPage] = useState(0)
  const [storage] = useState(() => (reloadable ? createMemoryStorage() : null))
  const [simulator] = useState<Simulator>(() => {
    const created = createSimulator({ sceneMs: 120, ...options })
    if (credits !== undefined) created.admin.setUser('demo@example.com', { credits })
    if (fault) created.admin.setFaults(fault)
    return created
  })
  const [fetch] = useState(() => proxyFetch(simulator))
  useEffect(() => () => void simulator.close(), [simulator])
  ;(globalThis as { __kvidSimulator?: Simulator }).__kvidSimulator = simulator
  return (
    <KvidAgentProvider
      key={page}
      baseUrl={BASE_URL}
      fetch={fetch}
      projectId={1}
      storage={storage}
      // Each story has its own simulator in its page: stories are not tabs of one app.
      crossTab={false}
      locale={locale}
      stallAfterMs={stallAfterMs}
    >
      <div style={harnessStyle}>
        {message && <StartButton message={message} />}
        {reloadable && (
          <button type="button" onClick={() => setPage((count) => count + 1)}>
            Reload page
          </button>
        )}
        {children}
      </div>
    </KvidAgentProvider>
  )
}

function StartButton({ message }: { message: string }) {
  const run = useAgentRun()
  return (
    <button
      type="button"
      data-story-start=""
      // aria-disabled, not disabled: the button keeps focus while the run streams.
      aria-disabled={run.isRunning}
      onClick={() => {
        if (!run.isRunning) void run.start({ message, composition: { tracks: [] } })
      }}
    >
      Start run
    </button>
  )
}

/** The simulator of the story on screen, for play functions that count requests. */
export function storySimulator(): Simulator {
  const simulator = (globalThis as { __kvidSimulator?: Simulator }).__kvidSimulator
  if (!simulator) throw new Error('No story simulator is running.')
  return simulator
}

/** Event counts at which a long video's stream goes quiet, for still frames of a run. */
export function eventsUntilCompleted(completed: number): number {
  // tool_start, tool_end, plan_ready, three scene_starts; then per finished scene:
  // scene_complete, checkpoint, the next scene_start.
  return 6 + Math.max(0, completed) * 3 - (completed > 0 ? 1 : 0)
}
