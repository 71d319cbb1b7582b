/**
 * Runs once when the server starts. With the real Agent API and an unsafe setup, loading the
 * agent server fails (see `realApiProblem`), and the demo stops here, before it serves
 * anything.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  try {
    await import('./lib/agent-server')
  } catch (error) {
    console.error(`kvid demo: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
