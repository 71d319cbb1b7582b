import { createInitialRunState } from '@kvidai/agent-core'
import { describe, expect, it } from 'vitest'
import { exportRecording } from './export-recording'
import { SCRUBBED, scrubSecrets } from './scrub-secrets'

describe('scrubSecrets', () => {
  it('replaces every credential-like field, at any depth, and keeps the rest', () => {
    const value = {
      apiKey: 'kvid_live_123',
      headers: { 'api-key': 'kvid_live_456', Authorization: 'Bearer abc', accept: 'json' },
      user: { email: 'someone@example.com', name: 'Someone' },
      list: [{ password: 'hunter2', token: 'tok', sessionId: 's' }],
      tokenUsage: { inputTokens: 10, outputTokens: 20, creditCost: 3 },
      message: 'kept',
    }
    const scrubbed = scrubSecrets(value)
    expect(scrubbed).toEqual({
      apiKey: SCRUBBED,
      headers: { 'api-key': SCRUBBED, Authorization: SCRUBBED, accept: 'json' },
      user: { email: SCRUBBED, name: 'Someone' },
      list: [{ password: SCRUBBED, token: SCRUBBED, sessionId: SCRUBBED }],
      tokenUsage: { inputTokens: 10, outputTokens: 20, creditCost: 3 },
      message: 'kept',
    })
    expect(JSON.stringify(scrubbed)).not.toMatch(/kvid_live|hunter2|example\.com|Bearer/)
    // The original is left as it was.
    expect(value.apiKey).toBe('kvid_live_123')
  })

  it('scrubs what an export carries', () => {
    const recording = exportRecording({
      projectId: 1,
      initial: createInitialRunState(1),
      entries: [
        {
          sequence: 1,
          at: 1000,
          action: {
            type: 'unknown',
            name: 'account',
            data: { email: 'someone@example.com', apiKey: 'kvid_live_1' },
          },
        },
      ],
    })
    expect(JSON.stringify(recording)).not.toMatch(/example\.com|kvid_live/)
    expect(recording.events[0]?.data).toEqual({ email: SCRUBBED, apiKey: SCRUBBED })
  })
})
