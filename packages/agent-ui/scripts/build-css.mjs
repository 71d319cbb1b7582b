// Bundles the components' stylesheets (tokens first) into one minified dist/styles.css.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bundle } from 'lightningcss'

const entry = fileURLToPath(new URL('../src/styles/index.css', import.meta.url))
const { code } = bundle({
  filename: entry,
  minify: true,
  targets: { chrome: 111 << 16, firefox: 113 << 16, safari: (16 << 16) | (4 << 8) },
})
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true })
writeFileSync(new URL('../dist/styles.css', import.meta.url), code)
