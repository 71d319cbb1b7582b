// Runs before a package is packed or published (its `prepack` script) and refuses any tool
// but pnpm. The manifests depend on each other with `workspace:^` ranges, which only pnpm
// turns into version numbers when it packs; a tarball from `npm pack` or `npm publish`
// keeps them, and npm cannot install it.
//
// The tool is told by `npm_execpath`, which each package manager sets to its own program for
// the scripts it runs. `npm_config_user_agent` would not do: npm reads an inherited one as
// its own setting, so `npm pack` run from inside a pnpm script would pass as pnpm.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

// biome-ignore lint/suspicious/noUndeclaredEnvVars: the package manager running this script sets it; no turbo task reads it
const program = basename(process.env.npm_execpath ?? '')
if (!program.startsWith('pnpm')) {
  const { name } = JSON.parse(readFileSync('package.json', 'utf8'))
  const tool = program.replace(/(-cli)?\.c?js$/, '') || 'this tool'
  console.error(
    [
      `${name} is packed and published with pnpm only, not ${tool}.`,
      'The packages name each other as "workspace:^" in package.json, which only pnpm rewrites',
      'to version numbers; a tarball packed by another tool keeps them and cannot be installed.',
      '',
      '  pnpm pack       a tarball of this package, here',
      '  pnpm release    build, check and publish every package (at the repository root)',
    ].join('\n'),
  )
  process.exit(1)
}
