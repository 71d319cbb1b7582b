// `tsx bench/size-areas.ts` — what each of the registry's default features costs an app, for
// the decision BENCHMARKS.md ("Issue 21's core budgets") asks for. Builds, from source, an
// app that mounts `KvidAgentProvider` and calls `useAgentRun`, and the whole of agent-react
// + agent-core, with the modules of some areas replaced by empty stand-ins (exports that do
// nothing). The result would not run: it measures what making those areas opt-in could save.
// Sizes are esbuild-minified + gzip (level 9), React and TanStack Query external.

import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'esbuild'

const AREAS = {
  'cross-tab': /agent-core\/src\/tabs\/(link-tabs|tab-platform|tab-message)\.ts$/,
  'page watchers': /agent-core\/src\/page\/[^/]+\.ts$/,
  persistence: /agent-core\/src\/(persist\/create-run-persister|store\/browser-storage)\.ts$/,
  'time left': /agent-core\/src\/pace\/[^/]+\.ts$/,
} as const
type Area = keyof typeof AREAS

const ENTRIES = {
  'provider + useAgentRun': "export { KvidAgentProvider, useAgentRun } from '@kvidai/agent-react'",
  'react + core, whole': "export * from '@kvidai/agent-react'\nexport * from '@kvidai/agent-core'",
}

function standIns(areas: Area[]): Plugin {
  return {
    name: 'stand-ins',
    setup(builder) {
      builder.onLoad({ filter: /agent-core\/src\/.*\.ts$/ }, (args) => {
        if (!areas.some((area) => AREAS[area].test(args.path))) return undefined
        const source = readFileSync(args.path, 'utf8')
        const names = [...source.matchAll(/export (?:async )?(?:function|const|class) (\w+)/g)].map(
          (match) => match[1],
        )
        return {
          contents: names.map((name) => `export const ${name} = () => null`).join('\n'),
          loader: 'ts',
        }
      })
    },
  }
}

async function measure(entry: string, areas: Area[]): Promise<number> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    external: ['react', 'react-dom', '@tanstack/react-query'],
    alias: {
      '@kvidai/agent-react': './packages/agent-react/src/index.ts',
      '@kvidai/agent-core': './packages/agent-core/src/index.ts',
      '@kvidai/agent-protocol': './packages/agent-protocol/src/index.ts',
    },
    plugins: [standIns(areas)],
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('no output')
  return gzipSync(output.contents, { level: 9 }).length
}

const all = Object.keys(AREAS) as Area[]
const rows: Area[][] = [[], ...all.map((area) => [area]), all]
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
console.log(`opt-in areas | ${Object.keys(ENTRIES).join(' | ')}`)
for (const areas of rows) {
  const sizes = await Promise.all(Object.values(ENTRIES).map((entry) => measure(entry, areas)))
  console.log(`${areas.join(' + ') || 'none (today)'} | ${sizes.map(kB).join(' | ')}`)
}
