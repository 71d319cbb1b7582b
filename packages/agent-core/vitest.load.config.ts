import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

/** `pnpm test:load`: the load tests alone, one file at a time. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/**/*.load.test.ts'],
    exclude: [],
    typecheck: { enabled: false },
    fileParallelism: false,
  },
})
