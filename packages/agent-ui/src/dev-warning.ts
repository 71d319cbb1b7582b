const warned = new Set<string>()

function isProduction(): boolean {
  try {
    // Bundlers replace this expression; without one, `process` may not exist.
    return process.env.NODE_ENV === 'production'
  } catch {
    return false
  }
}

/** Warns once per message, in development builds only. */
export function devWarning(message: string) {
  if (isProduction() || warned.has(message)) return
  warned.add(message)
  console.warn(`[@kvidai/agent-ui] ${message}`)
}
