import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration'

describe('formatDuration', () => {
  it('says a length of time in whole units of the locale, never below one', () => {
    expect(formatDuration('en', 200)).toBe('1 sec')
    expect(formatDuration('en', 45_900)).toBe('45 sec')
    expect(formatDuration('en', 60_000)).toBe('1 min')
    expect(formatDuration('en', 150_000)).toBe('2 min')
    expect(formatDuration('en', 2 * 3_600_000 + 5)).toBe('2 hr')
    expect(formatDuration('ko', 60_000)).toBe('1분')
    expect(formatDuration('es', 180_000)).toBe('3 min')
  })
})
