// Runs the reference's published Node client unchanged but for its base URL (the key comes
// from KVIDAI_API_KEY, as published). The client leaves `composition` to its reader.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

globalThis.composition = { tracks: [] }
const published = await readFile(new URL('./client.mjs', import.meta.url), 'utf8')
const source = published.replaceAll('https://api.kvid.ai', process.env.KVID_BASE_URL)
const file = join(tmpdir(), `kvid-published-client-${process.pid}.mjs`)
await writeFile(file, source)
try {
  await import(pathToFileURL(file).href)
} finally {
  await rm(file, { force: true })
}
