import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { DEFAULT_PRICES, DEMO_USER } from '../options'
import type { Simulator } from '../simulator'

/** The one long video our tests and yours can share: 8 scenes. */
export const LONG_VIDEO_PROMPT = 'Make a 30-second explainer about the new iPhone chip in 8 scenes.'
/** A short edit: one tool call, a title added. */
export const SHORT_EDIT_PROMPT = "Add a centered title 'Summer Sale' for 3 seconds."

/**
 * Leaves the user credits for planning and `scenes` scenes at the default prices, so the
 * next long video runs short of credit after that many scenes.
 */
export function stageShortage(
  simulator: Simulator,
  { scenes, email = DEMO_USER.email }: { scenes: number; email?: string },
) {
  simulator.admin.setUser(email, {
    credits: DEFAULT_PRICES.planning + scenes * DEFAULT_PRICES.scene,
  })
}

/** Run-like requests the simulator has answered: runs, resumes and scene retries. */
export function paidRequests(simulator: Simulator) {
  const { byRoute } = simulator.admin.requests()
  const run = byRoute[`POST ${AGENT_ROUTES.run}`]
  const resume = byRoute[`POST ${AGENT_ROUTES.resume}`]
  const retryScene = byRoute[`POST ${AGENT_ROUTES.retryScene}`]
  return { run, resume, retryScene, total: run + resume + retryScene }
}

/** How many times each scene of a job was generated: all 1 when nothing was lost or repeated. */
export function generations(simulator: Simulator, jobId: string | null | undefined): number[] {
  return simulator.admin.job(jobId ?? '')?.scenes.map((scene) => scene.generations) ?? []
}

/**
 * Resolves when no run streams any more (the simulator noticed every connection end), on
 * the simulator's own change events; rejects after `timeoutMs` (default 10 s).
 */
export function runsSettled(simulator: Simulator, { timeoutMs = 10_000 } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const settled = () => simulator.admin.activeRuns().length === 0
    if (settled()) return resolve()
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`Runs still streaming after ${timeoutMs} ms.`))
    }, timeoutMs)
    const stop = simulator.onChange(() => {
      if (!settled()) return
      clearTimeout(timer)
      stop()
      resolve()
    })
  })
}
