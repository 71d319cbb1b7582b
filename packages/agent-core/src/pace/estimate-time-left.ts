/**
 * How long a long video has left, from the plan's estimate or the pace of its scenes. Pure
 * functions of times and counts: the tracker (`trackScenePace`) feeds them from a store's
 * log, and tests feed them numbers.
 */

/** A remaining time as it was estimated at one moment, and on what basis. */
export interface TimeLeftEstimate {
  /** Milliseconds left when it was made. */
  remainingMs: number
  /** When it was made (ms since 1970). */
  at: number
  /** `plan`: the plan's `estimatedMinutes`; `pace`: scenes completed so far. */
  basis: 'plan' | 'pace'
}

/** What the time left is now: the estimate counted down, never below zero. */
export interface TimeLeft {
  remainingMs: number
  basis: 'plan' | 'pace'
}

/**
 * How much a new pace reading counts against the estimate it replaces (counted down to the
 * same moment). Scenes run in parallel and finish in bursts, so a single reading swings; half
 * of each keeps the figure from jumping up and down while still following a real change.
 */
export const PACE_SMOOTHING = 0.5

/** The plan's estimate, made when the plan arrived; none when the plan gives no minutes. */
export function planEstimate(estimatedMinutes: number, at: number): TimeLeftEstimate | null {
  if (!(estimatedMinutes > 0)) return null
  return { remainingMs: estimatedMinutes * 60_000, at, basis: 'plan' }
}

export interface SceneObservation {
  /** When the request's first scene started. */
  startedAt: number
  /** Now: a scene just completed. */
  at: number
  /** Scenes this request completed so far. */
  completed: number
  /** Scenes still to render (neither complete nor failed). */
  left: number
}

/**
 * The estimate after a scene completes. The pace is completions over the time since the
 * first scene started (scenes run in parallel, so the mean scene duration would be several
 * times too slow); the scenes left at that pace are the reading. The first reading replaces a
 * plan's estimate; later ones are blended with the previous estimate (`PACE_SMOOTHING`).
 */
export function observeCompletion(
  previous: TimeLeftEstimate | null,
  observation: SceneObservation,
): TimeLeftEstimate | null {
  const { startedAt, at, completed, left } = observation
  const elapsed = at - startedAt
  if (completed <= 0 || elapsed <= 0) return previous
  const reading = (left * elapsed) / completed
  if (!previous || previous.basis === 'plan') return { remainingMs: reading, at, basis: 'pace' }
  const counted = Math.max(0, previous.remainingMs - (at - previous.at))
  return {
    remainingMs: PACE_SMOOTHING * reading + (1 - PACE_SMOOTHING) * counted,
    at,
    basis: 'pace',
  }
}

/** The estimate counted down to `now`; zero once it has run out (the UI says "under a minute"). */
export function timeLeftAt(estimate: TimeLeftEstimate | null, now: number): TimeLeft | null {
  if (!estimate) return null
  const remainingMs = Math.max(0, estimate.remainingMs - Math.max(0, now - estimate.at))
  return { remainingMs, basis: estimate.basis }
}
