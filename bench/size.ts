// `pnpm size`, second half: prints every entry against the target and the enforced
// ceiling, asserts tree-shaking (board code absent) and lists the modules that cost the most
// bytes (esbuild metafile). Exits 1 when tree-shaking fails; size-limit, the first half,
// fails on a ceiling.
// Sizes here are esbuild-minified + gzip (level 9) of the whole output; size-limit subtracts
// esbuild's few bytes of empty-bundle overhead, so the two can differ by ~10-40 B.

import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { budgets } from './size-budgets.js'

type Budget = (typeof budgets)[number] & { mustNotContain?: string[] }

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length
const verbose = process.argv.includes('--breakdown')

let failed = false
const rows: string[][] = []
const breakdowns: string[] = []
for (const budget of budgets as Budget[]) {
  const result = await build({
    entryPoints: [budget.path],
    bundle: true,
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    outdir: '/tmp/kvid-size',
    external: budget.ignore ?? [],
    logLevel: 'silent',
  })
  const output = result.outputFiles.find((file) => /\.(js|css)$/.test(file.path))
  if (!output) throw new Error(`no output for ${budget.name}`)
  const size = gz(output.contents)
  const overCeiling = size > budget.ceiling
  const leaked = (budget.mustNotContain ?? []).filter((text) => output.text.includes(text))
  // size-limit enforces the ceilings; this script reports them and checks tree-shaking.
  if (leaked.length > 0) failed = true
  rows.push([
    budget.name,
    kB(size),
    budget.target ? kB(budget.target) : '—',
    budget.target ? (size <= budget.target ? 'met' : `missed by ${kB(size - budget.target)}`) : '—',
    kB(budget.ceiling),
    overCeiling ? 'over' : 'ok',
    budget.mustNotContain
      ? leaked.length
        ? `FAIL: contains ${leaked.join(', ')}`
        : 'board absent'
      : '',
  ])
  if (verbose && !budget.path.endsWith('.css')) {
    const meta = Object.values(result.metafile.outputs).find((entry) => entry.entryPoint)
    const inputs = Object.entries(meta?.inputs ?? {})
      .map(([file, { bytesInOutput }]) => ({ file, bytesInOutput }))
      .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
    const total = inputs.reduce((sum, input) => sum + input.bytesInOutput, 0)
    breakdowns.push(`\n${budget.name} — minified bytes by module (total ${total} B min):`)
    for (const { file, bytesInOutput } of inputs.slice(0, 12)) {
      breakdowns.push(
        `  ${String(bytesInOutput).padStart(6)} B  ${file.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}`,
      )
    }
  }
}

const header = [
  'entry',
  'min+gz',
  'issue target',
  'target',
  'ceiling (CI)',
  'ceiling',
  'tree-shaking',
]
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
)
const line = (cells: string[]) =>
  cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')
console.log(line(header))
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'))
for (const row of rows) console.log(line(row))
if (verbose) {
  console.log(breakdowns.join('\n'))
  await sourceBreakdown()
}
if (failed) {
  console.error('\nsize check failed: tree-shaking leaked board code')
  process.exit(1)
}

// Which source modules cost the most: bundle each package from its TypeScript source (the
// dist is one file per package, so only the source shows where the bytes go).
async function sourceBreakdown() {
  const peers = [
    'react',
    'react-dom',
    '@tanstack/react-query',
    '@kvidai/*',
    'zustand',
    'zustand/*',
    '@microsoft/*',
  ]
  for (const source of [
    'packages/agent-core/src/index.ts',
    'packages/agent-react/src/index.ts',
    'packages/agent-ui/src/index.ts',
  ]) {
    const result = await build({
      entryPoints: [source],
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      format: 'esm',
      jsx: 'automatic',
      outdir: '/tmp/kvid-size-source',
      external: peers,
      loader: { '.css': 'text' },
      logLevel: 'silent',
    })
    const meta = Object.values(result.metafile.outputs).find((entry) => entry.entryPoint)
    const inputs = Object.entries(meta?.inputs ?? {}).sort(
      (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
    )
    const js = result.outputFiles.find((file) => file.path.endsWith('.js'))
    console.log(
      `\n${source} — minified bytes by source module (whole package ${js ? kB(gz(js.contents)) : '?'} min+gz):`,
    )
    for (const [file, { bytesInOutput }] of inputs.slice(0, 15)) {
      console.log(`  ${String(bytesInOutput).padStart(6)} B  ${file}`)
    }
  }
}
