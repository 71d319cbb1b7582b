import { createReplayFetch, type RecordedEvent } from '@kvidai/agent-core/recording'
import { KvidAgentProvider, useAgentRun } from '@kvidai/agent-react'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { AgentErrorBoundary } from './agent-error-boundary'
import { AgentErrorNotice } from './agent-error-notice'
import { RunStatus } from './run-status'
import { SceneProgressBoard } from './scene-progress-board/scene-progress-board'
import { TemplateWarnings } from './template-warnings'
import { ToolActivity } from './tool-activity'

/**
 * What the components do with a hostile or broken stream, served as real SSE bytes by a
 * replay: prototype names as keys, absurd numbers, markup in strings, shapes that are off.
 */
const JOB = 'job-hostile'
const MARKUP = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>'

function event(name: string, data: unknown, at = 0): RecordedEvent {
  return { at, name, data }
}

function done(result: Record<string, unknown>) {
  return event('done', {
    success: true,
    data: { message: 'Done', composition: null, toolResults: [], projectId: 1, ...result },
  })
}

function StartOnClick() {
  const run = useAgentRun()
  return (
    <button
      type="button"
      onClick={() =>
        run.start({ message: 'Make a video in 3 scenes.', composition: { tracks: [] } })
      }
    >
      Start
    </button>
  )
}

function renderStream(events: RecordedEvent[], children = <Panels />) {
  const fetch = createReplayFetch({ version: 1, events }, { speed: Number.POSITIVE_INFINITY })
  return render(
    <KvidAgentProvider
      baseUrl="https://app.test/api/kvid"
      fetch={fetch}
      projectId={1}
      storage={null}
      crossTab={false}
    >
      <StartOnClick />
      {children}
    </KvidAgentProvider>,
  )
}

function Panels() {
  return (
    <>
      <RunStatus />
      <AgentErrorNotice />
      <SceneProgressBoard />
      <ToolActivity />
      <TemplateWarnings />
    </>
  )
}

async function startAndSettle() {
  await userEvent.click(screen.getByRole('button', { name: 'Start' }))
  await waitFor(() =>
    expect(screen.getAllByRole('status')[0]?.textContent).toMatch(/Finished|Failed|Interrupted/),
  )
}

describe('components against a hostile stream', () => {
  it('shows scenes named after prototype members as ordinary scenes', async () => {
    const names = ['constructor', '__proto__', 'toString']
    renderStream([
      event('plan_ready', { jobId: JOB, totalScenes: 3, estimatedMinutes: 1 }),
      ...names.flatMap((sceneId, index) => [
        event('scene_start', { sceneId, sceneIndex: index }),
        event('scene_complete', { sceneId }),
      ]),
      done({}),
    ])
    await startAndSettle()
    const cards = document.querySelectorAll('[data-kvid-scene]')
    expect(cards).toHaveLength(3)
    expect([...cards].map((card) => card.getAttribute('data-state'))).toEqual([
      'complete',
      'complete',
      'complete',
    ])
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('3 of 3 scenes')
  })

  it('renders a plan of 1e9 scenes promptly, with a bounded board', async () => {
    renderStream([
      event('plan_ready', { jobId: JOB, totalScenes: 1e9, estimatedMinutes: 1 }),
      event('scene_start', { sceneId: 's1', sceneIndex: 0 }),
      event('scene_complete', { sceneId: 's1' }),
      done({}),
    ])
    await startAndSettle()
    expect(document.querySelectorAll('[data-kvid-scene]').length).toBeLessThanOrEqual(10_000)
    expect(screen.getByRole('progressbar').getAttribute('aria-valuemax')).not.toBe('1000000000')
  })

  it('treats message keys named after prototype members, and objects in parameters, as data', async () => {
    for (const messageKey of ['constructor', '__proto__', 'toString']) {
      const { unmount } = renderStream([
        done({
          message: `Server text for ${messageKey}`,
          messageKey,
          messageParams: { count: { toString: 'evil' }, name: ['a'] },
          cost: { total: 7 },
        }),
      ])
      await startAndSettle()
      expect(screen.getByText(`Server text for ${messageKey}`)).toBeTruthy()
      // A cost without its breakdown still shows its total.
      expect(document.querySelector('[data-kvid-run-cost]')?.textContent).toMatch(/7/)
      unmount()
    }
  })

  it('shows markup in server strings as text, never as elements', async () => {
    const { container } = renderStream([
      event('tool_start', { toolUseId: 't1', toolName: MARKUP }),
      event('tool_end', { toolUseId: 't1', toolName: MARKUP, success: false, error: MARKUP }),
      event('template_warning', { severity: 'warning', field: MARKUP, message: MARKUP }),
      event('plan_ready', { jobId: JOB, totalScenes: 1, estimatedMinutes: 1 }),
      event('scene_start', { sceneId: MARKUP, sceneIndex: 0 }),
      event('scene_failed', { sceneId: MARKUP, error: MARKUP }),
      done({ message: MARKUP }),
    ])
    await startAndSettle()
    expect(container.textContent).toContain(MARKUP)
    expect(container.querySelector('img, script')).toBeNull()
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('a panel that throws on what the server sent leaves the others working', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    function PickyPanel() {
      const { status } = useAgentRun()
      if (status === 'done') throw new Error('cannot show a finished run')
      return <p>Picky panel</p>
    }
    renderStream(
      [done({ message: 'All set' })],
      <>
        <RunStatus />
        <AgentErrorBoundary>
          <PickyPanel />
        </AgentErrorBoundary>
      </>,
    )
    expect(screen.getByText('Picky panel')).toBeTruthy()
    await startAndSettle()
    expect(screen.getByRole('alert').textContent).toMatch('This panel could not be shown.')
    expect(screen.getByText('All set')).toBeTruthy()
  })
})
