import { isRunning } from '../state/run-state'
import type { AgentRunStore } from '../store/create-agent-run-store'
import type { ResumeCheckSource } from './resume-check-source'

/**
 * When a run cut short (restored after a reload, stopped, or interrupted) is asked about
 * again, after the first check: the server may not yet have noticed the connection end, and
 * until it does, check-resume does not list the job.
 */
export const RECHECK_DELAYS_MS = [1000, 2000] as const

/** Resolves after `ms`. */
export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Keeps a project's check-resume answer honest as its runs end: marks it stale as soon as a
 * run stops streaming (at its `done` or `error` event, or its request's end), and after a
 * stop or interruption asks again at 1 s and 2 s, unless the answer already has the job or
 * another request has started. Returns the way to stop.
 */
export function scheduleResumeChecks(store: AgentRunStore, source: () => ResumeCheckSource) {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let wasRunning = isRunning(store.getState())
  const unsubscribe = store.subscribeActions((_entry, state) => {
    const running = isRunning(state)
    const ended = wasRunning && !running
    wasRunning = running
    if (!ended) return
    source().stale(false)
    const { jobId, status, request } = state
    if (!jobId || (status !== 'stopped' && status !== 'interrupted')) return
    for (const delay of RECHECK_DELAYS_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        // Each request sets its own `request`: a newer one makes this reminder moot.
        if (store.getState().request !== request) return
        if (source().cached()?.jobId !== jobId) source().stale(true)
      }, delay)
      timers.add(timer)
    }
  })
  return () => {
    unsubscribe()
    for (const timer of timers) clearTimeout(timer)
  }
}

/**
 * Brings back the project's saved snapshot and keeps it only if the server still has that
 * job to resume (or the snapshot holds a finished run). A run that was streaming when the
 * page went away is asked about again before it is let go (see `RECHECK_DELAYS_MS`).
 */
export async function restoreRun(store: AgentRunStore, source: ResumeCheckSource) {
  if (!(await store.restore())) return
  const saved = store.getState()
  const unfinished =
    saved.status !== 'done' || (saved.result?.remainingScenes ?? 0) > 0 || saved.success === false
  if (!unfinished || !saved.jobId) return
  // A request started since, or another job, settles the question.
  const superseded = () => {
    const latest = store.getState()
    return latest.request !== saved.request || latest.jobId !== saved.jobId
  }
  const delays = saved.status === 'interrupted' ? [0, ...RECHECK_DELAYS_MS] : [0]
  for (const delay of delays) {
    if (delay > 0) await wait(delay)
    if (superseded()) return
    const job = await source.fetch(delay > 0)
    if (superseded() || job?.jobId === saved.jobId) return
    if (job) break
  }
  store.reset()
}
