import { configDefaults, defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

export default defineConfig({
  ...sourceResolve,
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests talk to servers on a shared two-core CI machine.
    testTimeout: 20_000,
    // Load tests run on their own: `pnpm test:load`.
    exclude: [...configDefaults.exclude, 'src/**/*.load.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
