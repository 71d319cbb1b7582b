// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Checks the build (`pnpm build`, which `turbo run test` runs first), not the source.
const dist = new URL('../dist/', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, dist), 'utf8')

/** Every built module `file` reaches through relative imports, itself included. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const [, path] of read(file).matchAll(/from\s+"(\.[^"]+)"/g)) {
    reachable(new URL(path as string, new URL(file, dist)).href.slice(dist.href.length), seen)
  }
  return seen
}

describe('the built package', () => {
  it("keeps 'use client' as the first statement of the entry", () => {
    expect(read('index.js').split('\n')[0]).toMatch(/^['"]use client['"];?$/)
  })

  it('keeps each component its own module, so an app that imports one ships only that one', () => {
    const resumeButton = [...reachable('resume-button.js')]
    expect(resumeButton).not.toContainEqual(expect.stringMatching(/scene-progress-board|dialog/))
    expect(resumeButton).not.toContainEqual(expect.stringMatching(/^locales\//))
  })

  it('leaves the whole English catalog out of a component: it reaches only its own group', () => {
    expect([...reachable('resume-button.js')]).not.toContain('i18n/en.js')
    expect([...reachable('run-status.js')]).not.toContain('i18n/en.js')
  })

  it('ships Korean and Spanish as entries of plain data, importable from server components', () => {
    for (const locale of ['ko', 'es']) {
      expect(existsSync(new URL(`locales/${locale}.d.ts`, dist))).toBe(true)
      const built = read(`locales/${locale}.js`)
      expect(built).not.toMatch(/\bimport\b|use client/)
      expect(built).toContain(`export { ${locale} }`)
    }
    expect([...reachable('index.js')]).not.toContainEqual(expect.stringMatching(/^locales\//))
  })
})
