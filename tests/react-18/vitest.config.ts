import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.ts'

// The agent-react tests, with every React-bound module taken from this package, where
// React is 18.3 — so hooks, the testing library, TanStack Query and zustand share one React.
const require = createRequire(import.meta.url)
const react18 = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/server',
  'react-dom/test-utils',
  '@testing-library/react',
  '@testing-library/user-event',
  '@tanstack/react-query',
  'zustand',
  'zustand/react/shallow',
].map((name) => ({ find: new RegExp(`^${name}$`), replacement: require.resolve(name) }))

export default defineConfig({
  ...sourceResolve,
  resolve: { ...sourceResolve.resolve, alias: react18 },
  test: {
    root: '../../packages/agent-react',
    environment: 'jsdom',
    execArgv: ['--expose-gc'],
    include: ['src/**/*.test.tsx'],
    setupFiles: ['./src/test-setup.ts'],
    env: { KVIDAI_EXPECT_REACT: '18' },
  },
})
