/** The longest delay `setTimeout` honours; a longer one fires at once. */
export const MAX_DELAY_MS = 2_147_483_647

/**
 * Watches a stream for silence with one timer, however many chunks arrive: `heard()` only
 * notes the time, and the timer, when it fires, looks at how long it has been quiet.
 * After `stallAfterMs` it reports the stream stalled (until the next byte); after
 * `idleTimeoutMs`, when given, it calls `onIdle`.
 */
export function watchSilence(options: {
  stallAfterMs: number
  idleTimeoutMs?: number
  onStalledChange(stalled: boolean): void
  onIdle(): void
}) {
  const { stallAfterMs, idleTimeoutMs = Number.POSITIVE_INFINITY } = options
  let lastHeard = performance.now()
  let stalled = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  function schedule() {
    timer = undefined
    if (stopped) return
    const quiet = performance.now() - lastHeard
    const wait = Math.min(stalled ? Number.POSITIVE_INFINITY : stallAfterMs, idleTimeoutMs) - quiet
    if (wait !== Number.POSITIVE_INFINITY) timer = setTimeout(check, Math.max(0, wait))
  }

  function check() {
    const quiet = performance.now() - lastHeard
    if (quiet >= idleTimeoutMs) {
      stopped = true
      timer = undefined
      return options.onIdle()
    }
    if (!stalled && quiet >= stallAfterMs) {
      stalled = true
      options.onStalledChange(true)
    }
    schedule()
  }

  schedule()
  return {
    heard() {
      lastHeard = performance.now()
      if (!stalled) return
      stalled = false
      options.onStalledChange(false)
      if (timer === undefined) schedule()
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      if (stalled) {
        stalled = false
        options.onStalledChange(false)
      }
    },
  }
}
