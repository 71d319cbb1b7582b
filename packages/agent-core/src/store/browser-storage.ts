import type { RunStorage } from './run-storage'

/**
 * `localStorage` when the page has it and allows it, else nothing. Read lazily, so a
 * render on the server never touches it.
 */
export function browserStorage(): RunStorage | null {
  try {
    const storage = globalThis.localStorage
    if (!storage) return null
    const probe = '__kvidai_probe__'
    storage.setItem(probe, probe)
    storage.removeItem(probe)
    return storage
  } catch {
    return null
  }
}
