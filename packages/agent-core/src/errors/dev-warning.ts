const warned = new Set<string>()

export function isProduction(): boolean {
  try {
    // Bundlers replace this expression; without one, `process` may not exist.
    return process.env.NODE_ENV === 'production'
  } catch {
    return false
  }
}

/**
 * Warns once per message, in development builds only. Used by the SDK's packages, each
 * naming itself as `source` (e.g. `@kvidai/agent-react`).
 */
export function devWarning(source: string, message: string) {
  const text = `[${source}] ${message}`
  if (isProduction() || warned.has(text)) return
  warned.add(text)
  console.warn(text)
}
