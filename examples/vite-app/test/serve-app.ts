import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'

export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds the app with its own `vite.config.ts` into a temporary folder and serves it with
 * `vite preview` on 127.0.0.1 and a free port, `/api/kvid` going through the proxy to the
 * simulator (`credits` for its user, `sceneMs` a scene). `close` stops the server and removes the build.
 */
export async function serveBuiltApp({ sceneMs = 100, credits = 1000 } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'kvid-vite-app-'))
  await build({ root: APP_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  process.env.KVID_SIM_SCENE_MS = String(sceneMs)
  process.env.KVID_SIM_CREDITS = String(credits)
  const server = await preview({
    root: APP_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const { port } = server.httpServer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
