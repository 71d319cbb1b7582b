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
  /** Now: a scene just completed. */
  at: number
  /** How long a scene takes here: the mean, from each completed scene's start to its end. */
  sceneMs: number
  /** How many scenes render side by side: the most seen running at once. */
  lanes: number
  /** When each scene still running started. */
  runningSince: number[]
  /** Scenes not started yet. */
  waiting: number
}

/** A scene already past the mean is not done: it is given this share of a scene more. */
const OVERDUE_SHARE = 0.2

/**
 * The time until the scenes left are done, if each takes the observed mean and they share
 * the lanes the way the server's queue does: each running scene keeps its lane for the rest
 * of its time, and each waiting scene takes the lane that frees first.
 */
export function readPace({ at, sceneMs, lanes, runningSince, waiting }: SceneObservation): number {
  const free = runningSince.map((since) =>
    Math.max(sceneMs - (at - since), sceneMs * OVERDUE_SHARE),
  )
  while (free.length < lanes) free.push(0)
  for (let scene = 0; scene < waiting; scene++) {
    free.sort((first, second) => first - second)
    free[0] = (free[0] ?? 0) + sceneMs
  }
  return Math.max(0, ...free)
}

/**
 * The estimate after a scene completes. Scenes render in parallel lanes, so neither the mean
 * scene duration times the scenes left (several times too slow) nor completions over elapsed
 * time (too slow while the first wave is still the only one seen) reads the pace: the lanes'
 * schedule does (`readPace`). The first reading replaces a plan's estimate; later ones are
 * blended with the previous estimate counted down (`PACE_SMOOTHING`).
 */
export function observeCompletion(
  previous: TimeLeftEstimate | null,
  observation: SceneObservation,
): TimeLeftEstimate | null {
  const { at, sceneMs } = observation
  if (!(sceneMs > 0)) return previous
  const reading = readPace(observation)
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
