import { defineConfig } from 'vitest/config'
import { componentTestProjects } from '../../vitest.components.ts'
import { sourceResolve } from '../../vitest.shared.ts'
import { emulateColorScheme } from './browser-commands.ts'

// jsdom, Chromium and Storybook projects: see `componentTestProjects`. agent-devtools'
// stories run in that package's own suite.
export default defineConfig({
  ...sourceResolve,
  test: {
    // Room for the setup's 10 s waits (see vitest.setup.ts) on a busy machine.
    testTimeout: 30_000,
    projects: componentTestProjects({
      packageFolder: new URL('.', import.meta.url),
      commands: { emulateColorScheme },
    }),
  },
})
