import type {
  AgentRunState,
  RunOutcome,
  SceneCompleteData,
  SceneStartData,
} from '@kvidai/agent-core'
import { describe, expectTypeOf, it } from 'vitest'
import { useAgentRun } from './use-agent-run'
import { useAgentSelector } from './use-agent-selector'

describe('types', () => {
  it('narrows onEvent payloads by type', () => {
    useAgentRun({
      onEvent(event) {
        if (event.type === 'scene_start') expectTypeOf(event.data).toEqualTypeOf<SceneStartData>()
        if (event.type === 'scene_complete') {
          expectTypeOf(event.data).toEqualTypeOf<SceneCompleteData>()
          expectTypeOf(event.data.voiceError).toEqualTypeOf<string | undefined>()
        }
        if (event.type === 'done')
          expectTypeOf(event.data.data.resumeJobId).toEqualTypeOf<string | undefined>()
        if (event.type === 'unknown') expectTypeOf(event.data).toBeUnknown()
      },
    })
  })

  it('types start input and selectors', () => {
    const run = useAgentRun()
    expectTypeOf(run.start).parameter(0).toHaveProperty('message').toEqualTypeOf<string>()
    // @ts-expect-error projectId comes from the hook, not from start
    run.start({ message: 'x', composition: { tracks: [] }, projectId: 1 })
    expectTypeOf(run.start).returns.toEqualTypeOf<void>()
    expectTypeOf(run.startAsync).returns.toEqualTypeOf<Promise<RunOutcome>>()
    expectTypeOf(run.retrySceneAsync).parameter(0).toEqualTypeOf<string>()
    // @ts-expect-error the async command takes no projectId either
    void run.startAsync({ message: 'x', composition: { tracks: [] }, projectId: 1 })
    const status = useAgentSelector((state: AgentRunState) => state.status)
    expectTypeOf(status).toEqualTypeOf<AgentRunState['status']>()
  })
})
