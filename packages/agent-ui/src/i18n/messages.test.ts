import { describe, expect, expectTypeOf, it } from 'vitest'
import { es } from '../locales/es'
import { ko } from '../locales/ko'
import { en } from './en'
import * as groups from './messages'
import type { useMessages } from './use-messages'

/** The translate a component gets for the group it passes. */
type TranslateFor<Group> = ReturnType<typeof useMessages<keyof Group & keyof typeof en>>

describe('English message groups', () => {
  it('hold each key of en in exactly one group, and en is all of them', () => {
    const keys = Object.values(groups).flatMap((group) => Object.keys(group))
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.sort()).toEqual(Object.keys(en).sort())
  })

  it('are the keys ko and es translate, no more and no fewer', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort())
  })

  it('give a component only the keys of its own group, so a key it lacks does not compile', () => {
    // Every component's translate calls are checked the same way by `pnpm typecheck`.
    type ResumeTranslate = TranslateFor<typeof groups.resumeMessages>
    expectTypeOf<Parameters<ResumeTranslate>[0]>().toEqualTypeOf<'resume.button' | 'resume.busy'>()
    expectTypeOf<ResumeTranslate>().toBeCallableWith('resume.busy')
    // @ts-expect-error the resume button's group has no board messages
    expectTypeOf<ResumeTranslate>().toBeCallableWith('board.label')
    // @ts-expect-error nor does the board's have the resume button's
    expectTypeOf<TranslateFor<typeof groups.boardMessages>>().toBeCallableWith('resume.busy')
  })
})
