import { describe, expect, it } from 'vitest'
import { compositionWithExtras, payloadWithExtras } from './extra-fields'

const stamp = { runId: 'run_00001', sequence: 3, timestamp: 1_700_000_000_000 }

describe('extra fields', () => {
  it('never override a field the payload already has', () => {
    const payload = payloadWithExtras('scene_start', { sceneId: 'scene-1', meta: 'mine' }, stamp)
    expect(payload).toEqual({
      sceneId: 'scene-1',
      meta: 'mine',
      runId: 'run_00001',
      timestamp: 1_700_000_000_000,
    })
  })

  it('tag tracks and items without touching the composition they were given', () => {
    const composition = {
      tracks: [{ id: 'track-1', items: ['item-1'] }],
      items: {
        'item-1': { id: 'item-1' },
        'item-2': { id: 'item-2', editorMeta: { locked: true } },
      },
    }
    const before = structuredClone(composition)
    const tagged = compositionWithExtras(composition) as {
      tracks: Array<Record<string, unknown>>
      items: Record<string, Record<string, unknown>>
    }
    expect(tagged.tracks[0]?.editorMeta).toEqual({ revision: 1, source: 'agent' })
    expect(tagged.items['item-1']?.editorMeta).toEqual({ revision: 1, source: 'agent' })
    expect(tagged.items['item-2']?.editorMeta).toEqual({ locked: true })
    expect(composition).toEqual(before)
  })

  it('leave a payload that is not an object as it is', () => {
    expect(payloadWithExtras('heartbeat', 'ping', stamp)).toBe('ping')
  })
})
