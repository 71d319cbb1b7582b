import type { RunCost, TokenUsage } from '@kvidai/agent-protocol'
import type { SimulatorUser } from './options'

/** Charges one run's credits to its user and remembers them by tool, for `done.cost`. */
export function createLedger(runId: string, user: SimulatorUser) {
  const breakdown: Record<string, number> = {}
  let rows = 0
  return {
    charge(tool: string, amount: number) {
      if (amount <= 0) return
      user.credits -= amount
      breakdown[tool] = (breakdown[tool] ?? 0) + amount
      rows++
    },
    get total(): number {
      return Object.values(breakdown).reduce((sum, amount) => sum + amount, 0)
    },
    cost(): RunCost {
      return {
        runId,
        total: this.total,
        breakdown: { ...breakdown },
        rowCount: rows,
        pendingCount: 0,
      }
    },
    tokenUsage(inputTokens: number, outputTokens: number): TokenUsage {
      return { inputTokens, outputTokens, creditCost: breakdown.chat ?? 0 }
    },
  }
}

export type Ledger = ReturnType<typeof createLedger>

/** Waits, unless the signal ends the wait first; says whether the full time passed. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    function onAbort() {
      clearTimeout(timer)
      resolve(false)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
