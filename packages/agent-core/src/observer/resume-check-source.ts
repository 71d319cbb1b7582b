import type { ResumableJob } from '@kvidai/agent-protocol'
import type { AgentRunStore } from '../store/create-agent-run-store'

/**
 * Where a project's check-resume answers come from. The core decides when to ask; a binding
 * may answer from a shared cache (the React provider uses TanStack Query's), so every part
 * of a page that asks at once sends one request.
 */
export interface ResumeCheckSource {
  /** An answer: one still current, or a new one from the server when `fresh`. */
  fetch(fresh: boolean): Promise<ResumableJob | null>
  /** The answer held now, if any (undefined: none yet). */
  cached(): ResumableJob | null | undefined
  /**
   * The held answer is out of date (a run ended). With `refetch`, ask again now if
   * something shows the answer; else on its next use.
   */
  stale(refetch: boolean): void
  /**
   * An answer another tab fetched, to hold as this one's (so tabs share one request). A
   * source without a cache leaves it out.
   */
  answer?(job: ResumableJob | null): void
}

/** Asks the server through the store each time: no cache, nothing to mark stale. */
export function storeResumeCheck(store: AgentRunStore): ResumeCheckSource {
  return { fetch: () => store.checkResume(), cached: () => undefined, stale() {} }
}
