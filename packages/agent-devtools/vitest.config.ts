import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { configDefaults, defineConfig } from 'vitest/config'
import { chromiumBrowser, sourceResolve } from '../../vitest.shared.ts'

/**
 * Three projects, as in agent-ui (`vitest run --project <name>`):
 *
 * - `jsdom`: every `src/**\/*.test.{ts,tsx}` in jsdom.
 * - `chromium`: the same files in real headless Chromium; `*.browser.test.tsx` only here
 *   (the acceptance run: a long video, a shortage, a resume, export, import and replay).
 * - `storybook`: this package's stories (the glob is in `.storybook/main.ts`) with axe.
 *
 * They run one after another, so at most one Chromium is up at a time.
 */
const testFiles = 'src/**/*.test.{ts,tsx}'
const browserOnly = 'src/**/*.browser.test.{ts,tsx}'
const jsdomOnly = 'src/**/*.jsdom.test.{ts,tsx}'

const storybookConfigDir = fileURLToPath(new URL('../../.storybook', import.meta.url))

export default defineConfig({
  ...sourceResolve,
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'jsdom',
          sequence: { groupOrder: 0 },
          environment: 'jsdom',
          include: [testFiles],
          exclude: [...configDefaults.exclude, browserOnly],
          setupFiles: ['./vitest.setup.ts'],
        },
      },
      {
        extends: true,
        optimizeDeps: {
          include: [
            'react',
            'react/jsx-dev-runtime',
            'react-dom',
            'react-dom/client',
            '@testing-library/react',
            '@testing-library/user-event',
          ],
        },
        test: {
          name: 'chromium',
          sequence: { groupOrder: 1 },
          include: [testFiles],
          exclude: [...configDefaults.exclude, jsdomOnly],
          setupFiles: ['./vitest.setup.ts'],
          browser: chromiumBrowser(),
        },
      },
      {
        extends: true,
        plugins: [
          storybookTest({ configDir: storybookConfigDir, tags: { include: ['devtools'] } }),
        ],
        test: {
          name: 'storybook',
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          browser: chromiumBrowser(),
        },
      },
    ],
  },
})
