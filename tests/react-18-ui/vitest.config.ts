import { fileURLToPath } from 'node:url'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import base from '../../packages/agent-ui/vitest.config.ts'
import { sourceResolve } from '../../vitest.shared.ts'

// The agent-ui tests in jsdom and in Chromium (its `jsdom` and `chromium` projects; the
// stories run once, in agent-ui), with every React-bound module taken from this package,
// where React is 18.3 — so the components, the hooks, the testing library and TanStack
// Query share one React.
// Whole packages, not entry files: each environment then picks its own build (the browser
// takes the ES modules, jsdom in Node may take CommonJS), and subpaths such as
// `react/jsx-runtime` come along.
const react18 = [
  'react',
  'react-dom',
  '@testing-library/react',
  '@testing-library/user-event',
  '@tanstack/react-query',
].map((name) => ({
  find: new RegExp(`^${name}(/.*)?$`),
  replacement: `${fileURLToPath(new URL(`node_modules/${name}`, import.meta.url))}$1`,
}))

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[]
const wanted = new Set(['jsdom', 'chromium'])

export default defineConfig({
  ...sourceResolve,
  root: '../../packages/agent-ui',
  resolve: { ...sourceResolve.resolve, alias: react18 },
  test: {
    ...base.test,
    provide: { expectReact: '18' },
    projects: projects
      .filter((project) => wanted.has(String(project.test?.name)))
      .map((project) => ({
        ...project,
        test: { ...project.test, name: `${String(project.test?.name)} react-18` },
      })),
  },
})
