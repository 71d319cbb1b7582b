import { describe, expect, it } from 'vitest'
import { createEmptyComposition, normalizeComposition } from './composition'

describe('normalizeComposition', () => {
  it('fills in what a minimal composition leaves out', () => {
    expect(normalizeComposition({ tracks: [] })).toEqual(createEmptyComposition())
  })

  it('keeps what the caller set, including fields it does not model', () => {
    const input = {
      fps: 25,
      compositionWidth: 1080,
      compositionHeight: 1920,
      tracks: [{ id: 'track-1', items: ['item-1'], locked: true }],
      items: {
        'item-1': { id: 'item-1', type: 'text', from: 0, durationInFrames: 0, rotation: 45 },
      },
      assets: {},
      editorVersion: 3,
    }
    const normalized = normalizeComposition(input)
    expect(normalized).toEqual(input)
    expect(normalized).not.toBe(input)
    expect(normalized.tracks).toBe(input.tracks)
  })
})
