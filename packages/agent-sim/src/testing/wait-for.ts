/**
 * Waits until `condition` gives something truthy, asking every few milliseconds, and
 * resolves with it; rejects after `timeoutMs` (default 10 s) with `message`. For the few
 * things that have no event to wait on; the scenario helpers here need none.
 */
export async function waitFor<Value>(
  condition: () => Value | Promise<Value>,
  options: { timeoutMs?: number; message?: string } = {},
): Promise<NonNullable<Value>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  for (;;) {
    const value = await condition()
    if (value) return value as NonNullable<Value>
    if (Date.now() > deadline)
      throw new Error(options.message ?? 'Timed out waiting for a condition.')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
