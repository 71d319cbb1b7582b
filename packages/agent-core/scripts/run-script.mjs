// Runs a TypeScript script of this package through Vite's module runner, resolving the
// simulator from source as the tests do: `node scripts/run-script.mjs <script.ts>`.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const [file] = process.argv.slice(2)
if (!file) throw new Error('Usage: node scripts/run-script.mjs <script.ts>')
const simulator = (path) => fileURLToPath(new URL(`../../agent-sim/src/${path}`, import.meta.url))
await runnerImport(resolve(file), {
  configFile: false,
  resolve: {
    alias: [
      { find: /^@kvidai\/agent-sim\/node$/, replacement: simulator('node/index.ts') },
      { find: /^@kvidai\/agent-sim$/, replacement: simulator('index.ts') },
    ],
  },
})
