import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  test: {
    include: ['src/**/*.test.ts'],
    // Some tests start the CLI or play whole streams; a busy machine needs room.
    testTimeout: 20_000,
  },
})
