import { describe, expect, it } from 'vitest'
import { en } from './en'
import { formatMessage } from './format-message'

describe('formatMessage', () => {
  it('chooses plural forms by the locale’s rules', () => {
    expect(formatMessage('en', en['resume.button'], { count: 1 })).toBe('▶ Resume 1 scene')
    expect(formatMessage('en', en['resume.button'], { count: 6 })).toBe('▶ Resume 6 scenes')
    const spanish = { plural: 'count', one: '{count} escena', other: '{count} escenas' }
    expect(formatMessage('es', spanish, { count: 1 })).toBe('1 escena')
    expect(formatMessage('es', spanish, { count: 0 })).toBe('0 escenas')
    // Korean has one form: `other`.
    expect(
      formatMessage('ko', { plural: 'count', one: '하나', other: '{count}개' }, { count: 1 }),
    ).toBe('1개')
  })

  it('formats numbers for the locale and leaves unknown slots visible', () => {
    expect(formatMessage('en', '{credits} credits', { credits: 12500 })).toBe('12,500 credits')
    expect(formatMessage('es', '{credits} créditos', { credits: 12500 })).toBe('12.500 créditos')
    expect(formatMessage('en', 'Hello {name}', {})).toBe('Hello {name}')
  })
})
