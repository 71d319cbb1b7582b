import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test-setup.ts'],
    // Room for the setup's 10 s waits on a busy machine.
    testTimeout: 30_000,
  },
})
