import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // Each test runs the script as a child process against a simulator over HTTP.
    testTimeout: 30_000,
  },
})
