import type { Composition, DoneResult } from '@kvidai/agent-protocol'
import { describe, expectTypeOf, it } from 'vitest'
import type { AgentRequestError } from '../errors/agent-errors'
import type { StreamAction } from '../state/run-action'
import type { AgentRunState } from '../state/run-state'
import type { AgentRunStore } from '../store/create-agent-run-store'
import type { RunCallbacks } from '../store/run-callbacks'
import type { RunOutcome } from '../transport/run-outcome'
import type { AgentEventStream } from '../transport/stream-agent-events'
import type { AgentClient } from './create-agent-client'

type OnEvent = NonNullable<RunCallbacks['onEvent']>
type Event = Parameters<OnEvent>[0]

describe('onEvent', () => {
  it('narrows the payload by type', () => {
    const onEvent: OnEvent = (event) => {
      if (event.type === 'scene_complete') {
        expectTypeOf(event.data.sceneId).toEqualTypeOf<string>()
        expectTypeOf(event.data.voiceError).toEqualTypeOf<string | undefined>()
      }
      if (event.type === 'plan_ready') expectTypeOf(event.data.totalScenes).toEqualTypeOf<number>()
      if (event.type === 'checkpoint')
        expectTypeOf(event.data.composition).toEqualTypeOf<Composition>()
      if (event.type === 'done') expectTypeOf(event.data.data).toEqualTypeOf<DoneResult>()
      if (event.type === 'unknown') {
        expectTypeOf(event.name).toEqualTypeOf<string>()
        expectTypeOf(event.data).toEqualTypeOf<unknown>()
      }
    }
    expectTypeOf(onEvent).toBeFunction()
  })

  it('does not allow a field of another event', () => {
    expectTypeOf<Extract<Event, { type: 'scene_start' }>['data']>().not.toHaveProperty('error')
    expectTypeOf<Extract<Event, { type: 'scene_failed' }>['data']>().toHaveProperty('error')
    // @ts-expect-error scene_start has no `error`
    const read = (event: Extract<Event, { type: 'scene_start' }>) => event.data.error
    expectTypeOf(read).toBeFunction()
  })
})

describe('outcomes and state', () => {
  it('narrows the run outcome by reason', () => {
    expectTypeOf<AgentClient['run']>().returns.toEqualTypeOf<AgentEventStream>()
    expectTypeOf<AgentRunStore['start']>().returns.resolves.toEqualTypeOf<RunOutcome>()
    const pull = (action: StreamAction) => {
      if (action.type === 'request_ended') expectTypeOf(action.outcome.reason).toExtend<string>()
      if (action.type === 'stall_changed') expectTypeOf(action.stalled).toEqualTypeOf<boolean>()
    }
    expectTypeOf(pull).toBeFunction()
    const read = (outcome: RunOutcome) => {
      if (outcome.reason === 'done') expectTypeOf(outcome.result).toEqualTypeOf<DoneResult>()
      if (outcome.reason === 'interrupted') {
        expectTypeOf(outcome.cause).toEqualTypeOf<'ended' | 'idle' | 'network'>()
      }
    }
    expectTypeOf(read).toBeFunction()
  })

  it('exposes a plain state to subscribers', () => {
    expectTypeOf<ReturnType<AgentRunStore['getState']>>().toEqualTypeOf<AgentRunState>()
    expectTypeOf<AgentRequestError['code']>().toExtend<string>()
  })
})
