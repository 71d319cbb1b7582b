// @vitest-environment node
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

it("keeps 'use client' as the first statement of the built entry", () => {
  const built = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8')
  expect(built.split('\n')[0]).toMatch(/^['"]use client['"];?$/)
})
