// A package's `check-package` script: publint, then attw on the tarball pnpm packs; arguments
// after the script's name go to attw (`--exclude-entrypoints ./styles.css`).
// `attw --pack` would run `npm pack`, which the packages refuse (see require-pnpm.mjs), so the
// tarball comes from `pnpm pack` and attw reads it as it is.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' })

run('publint', ['--strict'])
const folder = mkdtempSync(join(tmpdir(), 'kvid-check-package-'))
try {
  run('pnpm', ['pack', '--pack-destination', folder])
  const [tarball] = readdirSync(folder).filter((file) => file.endsWith('.tgz'))
  if (!tarball) throw new Error(`pnpm pack left no tarball in ${folder}`)
  run('attw', [join(folder, tarball), '--profile', 'esm-only', ...process.argv.slice(2)])
} finally {
  rmSync(folder, { recursive: true, force: true })
}
