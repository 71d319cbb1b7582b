import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

const simulator = (path: string) =>
  fileURLToPath(new URL(`../agent-sim/src/${path}`, import.meta.url))

export default defineConfig({
  ...sourceResolve,
  resolve: {
    ...sourceResolve.resolve,
    // The simulator depends on this package, so it cannot be a dependency here:
    // tests load it from source instead.
    alias: [
      { find: /^@kvidai\/agent-sim\/node$/, replacement: simulator('node/index.ts') },
      { find: /^@kvidai\/agent-sim$/, replacement: simulator('index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests talk to servers on a shared two-core CI machine.
    testTimeout: 20_000,
    // Load tests run on their own: `pnpm test:load`.
    exclude: [...configDefaults.exclude, 'src/**/*.load.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
