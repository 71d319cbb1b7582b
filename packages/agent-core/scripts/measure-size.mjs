// Prints the min+gzip size of this package as an app would bundle it, dependencies included.
//   node scripts/measure-size.mjs            → everything `src/index.ts` exports
//   node scripts/measure-size.mjs a,b,c      → only these named exports (tree-shaken)
// Uses the rolldown that Vite bundles with, so it needs nothing installed.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const fromVite = createRequire(createRequire(import.meta.url).resolve('vite'))
const { build } = await import(pathToFileURL(fromVite.resolve('rolldown')).href)

const names = process.argv[2]?.split(',')
const source = new URL('../src/index.ts', import.meta.url).pathname
const entry = names
  ? `export { ${names.join(', ')} } from '${source}'`
  : `export * from '${source}'`
const result = await build({
  input: 'entry',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
  output: { format: 'esm', minify: true },
  plugins: [
    {
      name: 'entry',
      resolveId: (id) => (id === 'entry' ? id : null),
      load: (id) => (id === 'entry' ? entry : null),
    },
  ],
})
const code = Buffer.from(result.output[0].code)
if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, code)
const label = names ? names.join(', ') : 'everything'
console.log(`${label}: ${code.length} B min, ${gzipSync(code, { level: 9 }).length} B min+gz`)
