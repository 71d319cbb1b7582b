import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync } from 'node:zlib'
import type { LaunchOptions } from 'playwright'

/**
 * How every real-browser run in this workspace launches Chromium: vitest browser mode, the
 * Storybook test project and e2e scripts all take their options from here.
 *
 * We never run `playwright install`, which downloads. In order, we use:
 * 1. `CHROMIUM_PATH`, when set;
 * 2. the system Chromium at `/usr/bin/chromium` (`apt-get install chromium`), when installed;
 * 3. the Chromium that `pnpm install` brings on Linux x64: `@sparticuz/chromium`, an
 *    optional dependency that ships a brotli-compressed headless Chromium inside its npm
 *    tarball, unpacked once into `node_modules/.cache`;
 * 4. else Playwright's own browser, if one is installed.
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
  if (existsSync(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH
  return packagedChromiumPath()
}

/**
 * `@sparticuz/chromium`'s browser, unpacked on first use; `undefined` where the package is
 * not installed or its build does not run (it is a Linux x64 build).
 *
 * Unpacked synchronously, because the launch options are read while configs load. Several
 * test processes may start at once: each writes its own temporary file and renames it into
 * place, so none ever sees a half-written browser.
 */
export function packagedChromiumPath(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined
  const require = createRequire(import.meta.url)
  let packageRoot: string
  try {
    // The package's entry is build/{cjs,esm}/index.*; its compressed browser is in bin/.
    packageRoot = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..')
  } catch {
    return undefined
  }
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'))
  const cacheDirectory = join(
    dirname(fileURLToPath(import.meta.url)),
    'node_modules',
    '.cache',
    `sparticuz-chromium-${version}`,
  )
  const executable = join(cacheDirectory, 'chromium')
  if (existsSync(executable)) return executable

  const compressed = join(packageRoot, 'bin', 'chromium.br')
  if (!existsSync(compressed)) return undefined
  mkdirSync(cacheDirectory, { recursive: true })
  const partial = `${executable}.${process.pid}.partial`
  writeFileSync(partial, brotliDecompressSync(readFileSync(compressed)))
  chmodSync(partial, 0o755)
  renameSync(partial, executable)
  return executable
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
