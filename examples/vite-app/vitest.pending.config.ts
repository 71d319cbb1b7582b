import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

/** `pnpm test:pending`: checks that wait on changes still to land (see each file's header). */
export default defineConfig({
  test: { ...base.test, include: ['test/**/*.pending.ts'] },
})
