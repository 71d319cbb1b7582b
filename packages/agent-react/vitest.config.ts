import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  test: {
    environment: 'jsdom',
    // Room for the setup's 10 s waits (see src/test-setup.ts) on a busy machine.
    testTimeout: 30_000,
    // The soak test forces garbage collection to compare heaps.
    execArgv: ['--expose-gc'],
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
