import { readdirSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { configDefaults, type TestProjectInlineConfiguration } from 'vitest/config'
import { chromiumBrowser } from './vitest.shared.ts'

/**
 * The three test projects of a component package (`vitest run --project <name>`):
 *
 * - `jsdom`: every `src/**\/*.test.{ts,tsx}` in jsdom — fast, and where unit tests belong.
 * - `chromium`: the same files again in real headless Chromium, so components are proven
 *   against real layout, focus and events. `@testing-library/user-event` works in both.
 * - `storybook`: the package's own stories (the glob is in `.storybook/main.ts`), each
 *   rendered in Chromium with its play function and an axe check that fails on violations.
 *
 * A test that only makes sense in one place says so in its file name:
 * `*.browser.test.{ts,tsx}` runs only in `chromium`, `*.jsdom.test.{ts,tsx}` only in `jsdom`.
 * Each runs `./vitest.setup.ts` of its package first.
 *
 * The projects run one after another (`sequence.groupOrder`), so at most one Chromium is up
 * at a time: on a two-core CI machine two browsers beside the other packages' suites starve
 * their timing-sensitive tests.
 */
export function componentTestProjects(options: {
  /** The package's folder (`new URL('.', import.meta.url)` in its config). */
  packageFolder: URL
  /** Browser commands the package's Chromium tests call. */
  commands?: Parameters<typeof chromiumBrowser>[0]
}): TestProjectInlineConfiguration[] {
  const testFiles = 'src/**/*.test.{ts,tsx}'
  const browserOnly = 'src/**/*.browser.test.{ts,tsx}'
  const jsdomOnly = 'src/**/*.jsdom.test.{ts,tsx}'
  const configDir = fileURLToPath(new URL('./.storybook', import.meta.url))
  // `.storybook` lists every package's stories; each package runs those in its own folder,
  // so another package's show up neither as run nor skipped.
  const own = basename(fileURLToPath(options.packageFolder))
  const otherStories = readdirSync(new URL('./packages', import.meta.url))
    .filter((name) => name !== own)
    .map((name) => `**/packages/${name}/**`)
  return [
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
      // Bundled before the first test, so a dependency found mid-run cannot reload the page.
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
        browser: chromiumBrowser(options.commands),
      },
    },
    {
      extends: true,
      plugins: [storybookTest({ configDir })],
      test: {
        name: 'storybook',
        sequence: { groupOrder: 2 },
        exclude: [...configDefaults.exclude, ...otherStories],
        // Some stories play a whole run (500 scenes at most); a busy CI machine needs room.
        testTimeout: 60_000,
        browser: chromiumBrowser(),
      },
    },
  ]
}
