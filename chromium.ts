import { existsSync } from 'node:fs'
import type { LaunchOptions } from 'playwright'

/**
 * How every real-browser run in this workspace launches Chromium: vitest browser mode, the
 * Storybook test project and e2e scripts all take their options from here.
 *
 * We use the system Chromium (`apt-get install chromium`) and never `playwright install`,
 * which downloads. `CHROMIUM_PATH` points elsewhere; without it we use `/usr/bin/chromium`
 * when it exists and otherwise fall back to Playwright's own browser, if one is installed.
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Headless, sandbox-free for containers, and quiet: nothing calls home or updates itself.
 *
 * The switches alone still leave Chromium looking up accounts.google.com and
 * update.googleapis.com, so the resolver answers "not found" for every name but
 * `localhost` and 127.0.0.1, where the test servers are.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]

/** The Chromium executable to launch, or `undefined` for Playwright's bundled browser. */
export function chromiumExecutablePath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    // Asked for by name: a wrong path is a mistake to report, not a reason to switch browsers.
    if (!existsSync(configured)) {
      throw new Error(`CHROMIUM_PATH is set to ${configured}, but no file exists there.`)
    }
    return configured
  }
  return existsSync(DEFAULT_CHROMIUM_PATH) ? DEFAULT_CHROMIUM_PATH : undefined
}

/**
 * Playwright launch options. A fresh object on every call: providers may push their own
 * flags onto `args` (vitest adds `--remote-debugging-port` when debugging).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutablePath()
  return {
    args: [...CHROMIUM_ARGS],
    ...(executablePath ? { executablePath } : {}),
  }
}
