import { defineConfig } from 'vitest/config'
import { componentTestProjects } from '../../vitest.components.ts'
import { sourceResolve } from '../../vitest.shared.ts'

// jsdom, Chromium and Storybook projects, as in agent-ui (see `componentTestProjects`): the
// `*.browser.test.tsx` acceptance run (a long video, a shortage, a resume, export, import
// and replay) only in Chromium, and the stories of this package.
export default defineConfig({
  ...sourceResolve,
  test: {
    testTimeout: 30_000,
    projects: componentTestProjects({
      packageFolder: new URL('.', import.meta.url),
    }),
  },
})
