import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // The simulator and the proxy run over HTTP on 127.0.0.1.
    testTimeout: 30_000,
  },
})
