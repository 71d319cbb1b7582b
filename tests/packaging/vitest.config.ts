import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // npm and pnpm start as child processes, a second or two each.
    testTimeout: 60_000,
  },
})
