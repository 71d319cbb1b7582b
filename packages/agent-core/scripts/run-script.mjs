// Runs a TypeScript script of this package through Vite's module runner, resolving the
// simulator from source exactly as the tests do (the resolve settings of vitest.config.ts):
// `node scripts/run-script.mjs <script.ts>`.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const [file] = process.argv.slice(2)
if (!file) throw new Error('Usage: node scripts/run-script.mjs <script.ts>')
const { module: config } = await runnerImport(
  fileURLToPath(new URL('../vitest.config.ts', import.meta.url)),
)
await runnerImport(resolve(file), { configFile: false, resolve: config.default.resolve })
