import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'
import base from '../../packages/agent-react/vitest.config.ts'
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
    ...base.test,
    root: '../../packages/agent-react',
    include: ['src/**/*.test.tsx'],
    // Types are React 19's; the type tests run once, in agent-react.
    typecheck: { enabled: false },
    env: { KVIDAI_EXPECT_REACT: '18' },
  },
})
