// Runs before a package is packed or published (its `prepack` script) and refuses any tool
// but pnpm. The manifests depend on each other with `workspace:^` ranges, which only pnpm
// turns into version numbers when it packs; a tarball from `npm pack` or `npm publish`
// keeps them, and npm cannot install it.
import { readFileSync } from 'node:fs'

// biome-ignore lint/suspicious/noUndeclaredEnvVars: the package manager running this script sets it; no turbo task reads it
const userAgent = process.env.npm_config_user_agent ?? ''
if (!userAgent.startsWith('pnpm/')) {
  const { name } = JSON.parse(readFileSync('package.json', 'utf8'))
  const tool = userAgent.split(' ')[0] || 'this tool'
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
