import { describe, expect, it } from 'vitest'
import { PROJECT_ID, postCount, runInput, setupTestSimulator, testClient } from '../test-utils'
import { createAgentRunStore } from './create-agent-run-store'

/** The one edge where a run calls an app's callbacks: after the reducer, never in its way. */
const handle = setupTestSimulator()

describe('callbacks that throw', () => {
  it('are reported, and the stream goes on to done', async () => {
    const reported: Array<[unknown, string]> = []
    let delivered = 0
    const store = createAgentRunStore({
      client: testClient(handle.simulator.url),
      projectId: PROJECT_ID,
      onEvent() {
        delivered++
        throw new Error('the app broke')
      },
      onCallbackError: (error, callback) => reported.push([error, callback]),
    })
    const outcome = await store.start(runInput())
    expect(outcome).toMatchObject({ reason: 'done', success: true })
    expect(reported).toHaveLength(delivered)
    expect(reported[0]?.[1]).toBe('onEvent')
    expect(String(reported[0]?.[0])).toContain('the app broke')
    expect(postCount(handle.simulator)).toBe(1)
  })
})
