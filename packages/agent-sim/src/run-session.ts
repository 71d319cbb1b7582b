import type { DoneResult, Locale } from '@kvidai/agent-protocol'
import { createEventShaper } from './event-shaper'
import { createEventStream } from './event-stream'
import type { Fault } from './faults'
import { createLedger } from './ledger'
import type { ResolvedOptions, SimulatorUser } from './options'
import type { RunContext } from './run-context'
import {
  type ActiveRun,
  type JobRecord,
  type RunKind,
  remainingScenes,
  type SimulatorState,
} from './state'
import type { Template } from './templates'

export interface SessionOptions {
  state: SimulatorState
  options: ResolvedOptions
  request: Request
  user: SimulatorUser
  fault: Fault
  kind: RunKind
  job: JobRecord | null
  locale: Locale
  template: Template
  /** The run itself; resolves to the `done` event, or null when the run was cut short. */
  work(context: RunContext): Promise<{ success: boolean; data: DoneResult } | null>
}

/** Leaves a job the way a dropped connection leaves it: finished scenes kept, the rest resumable. */
export function settleJob(job: JobRecord) {
  for (const scene of job.scenes) if (scene.status === 'running') scene.status = 'pending'
  job.status = remainingScenes(job) === 0 ? 'complete' : 'resumable'
  job.updatedAt = Date.now()
}

/**
 * Opens the SSE response for one run and holds the user's run slot while it streams.
 * A client that goes away (or a cut, or a reap) ends the run at once: scenes that were
 * running go back to pending, the job becomes resumable, the slot is freed.
 */
export function startSession(session: SessionOptions): Response {
  const { state, options, user, job } = session
  const controller = new AbortController()
  let toolCounter = 0
  let ended = false

  function end() {
    if (ended) return
    ended = true
    if (job) settleJob(job)
    if (state.activeRuns.get(user.email) === active) state.activeRuns.delete(user.email)
    state.changed()
  }

  const runId = state.nextRunId()
  const ledger = createLedger(runId, user)
  const stream = createEventStream({
    heartbeatMs: options.heartbeatMs,
    keepAlive: options.wire.keepAlive,
    fault: session.fault,
    shape: createEventShaper(options.wire, { runId, spent: () => ledger.total }),
    onDisconnect(reason) {
      controller.abort(reason)
      end()
    },
  })

  const active: ActiveRun = {
    kind: session.kind,
    email: user.email,
    jobId: job?.jobId ?? null,
    lastProgressAt: Date.now(),
    cancel: (reason) => stream.cut(reason),
  }
  state.activeRuns.set(user.email, active)
  if (job) job.status = 'running'
  session.request.signal.addEventListener('abort', () => stream.drop('client aborted'), {
    once: true,
  })

  const context: RunContext = {
    state,
    options,
    stream,
    user,
    locale: session.locale,
    template: session.template,
    ledger,
    active,
    signal: controller.signal,
    nextToolUseId: () => `toolu_${runId.slice(4)}_${++toolCounter}`,
  }

  session
    .work(context)
    .then(async (done) => {
      if (!done || controller.signal.aborted) return
      if (job) settleJob(job)
      await stream.send('done', done)
      stream.close()
    })
    .catch(async (error: unknown) => {
      if (controller.signal.aborted) return
      await stream.send('error', { error: error instanceof Error ? error.message : String(error) })
      stream.close()
    })
    .finally(end)

  return stream.response()
}
