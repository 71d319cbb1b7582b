import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import type { BrowserConfigOptions } from 'vitest/node'
import { chromiumLaunchOptions } from './chromium.ts'

/**
 * Workspace packages export their TypeScript source under this condition, so tests and
 * type checks run on source without a build.
 */
export const SOURCE_CONDITION = '@kvidai/source'

export const sourceResolve = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
}

/**
 * Vitest's browser mode in headless Chromium, with the workspace's launch options
 * (`chromium.ts`) and the package's own browser commands, if any.
 */
export function chromiumBrowser(commands: BrowserConfigOptions['commands'] = {}) {
  return {
    commands,
    enabled: true,
    headless: true,
    // No screenshot files next to the sources; the failure message and DOM say enough.
    screenshotFailures: false,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
  }
}
