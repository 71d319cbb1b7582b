// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const built = (file: string) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')

describe('the built entries', () => {
  it.each(['index.js', 'production.js'])(
    "keep 'use client' as the first statement of %s",
    (file) => {
      expect(built(file).split('\n')[0]).toMatch(/^['"]use client['"];?$/)
    },
  )

  it('decide on NODE_ENV in the default entry only, so a production build can drop the panel', () => {
    expect(built('index.js')).toContain('process.env.NODE_ENV === "production"')
    expect(built('production.js')).not.toContain('NODE_ENV')
  })
})
