/** The longest wait `setTimeout` keeps; beyond it a timer fires at once, over and over. */
export const LONGEST_TIMER_MS = 2_147_483_647

interface Bound {
  min: number
  max: number
  /** Whole numbers only. */
  integer?: boolean
  /** What the number counts, for the error message. */
  unit?: string
  /** What the smallest value means, when it is special (`0` turns a feature off). */
  minMeans?: string
}

/**
 * The numeric options and the values each accepts. A value outside its range is refused
 * when the simulator is created, rather than left to misbehave later: a timer longer than
 * `LONGEST_TIMER_MS` fires at once, and NaN or Infinity would slip past every comparison.
 */
export const OPTION_BOUNDS = {
  seed: { min: 0, max: 4_294_967_295, integer: true },
  credits: { min: 0, max: Number.MAX_SAFE_INTEGER, unit: 'credits' },
  sceneMs: { min: 0, max: 3_600_000, unit: 'ms' },
  toolMs: { min: 0, max: 3_600_000, unit: 'ms' },
  concurrency: { min: 1, max: 100, integer: true, unit: 'scenes' },
  // Only compared with a count of scenes: a number above any run's scenes means no
  // checkpoint before done, which benches use.
  checkpointEvery: { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true, unit: 'scenes' },
  heartbeatMs: { min: 0, max: LONGEST_TIMER_MS, unit: 'ms', minMeans: 'no keep-alives' },
  zombieMs: { min: 0, max: LONGEST_TIMER_MS, unit: 'ms' },
  silentToolMs: { min: 0, max: LONGEST_TIMER_MS, unit: 'ms' },
  rateLimit: { min: 0, max: 100_000, integer: true, unit: 'requests a minute', minMeans: 'off' },
  maxBodyBytes: { min: 1024, max: 1_073_741_824, integer: true, unit: 'bytes' },
  price: { min: 0, max: 1_000_000, unit: 'credits' },
} as const satisfies Record<string, Bound>

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40))
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return value === null ? 'null' : typeof value
}

/**
 * `value` when it is a number within `bound`, `fallback` when it is undefined; anything else
 * throws a `TypeError` that names the option, its range and how to fix it.
 */
export function boundedNumber(
  name: string,
  value: unknown,
  fallback: number,
  bound: Bound,
): number {
  if (value === undefined) return fallback
  const fits =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= bound.min &&
    value <= bound.max &&
    (!bound.integer || Number.isInteger(value))
  if (fits) return value
  const kind = bound.integer ? 'a whole number' : 'a number'
  const unit = bound.unit ? ` of ${bound.unit}` : ''
  const meaning = bound.minMeans ? ` (${bound.min} means ${bound.minMeans})` : ''
  throw new TypeError(
    `${name} must be ${kind}${unit} from ${bound.min}${meaning} to ${bound.max}; got ${shown(value)}. ` +
      `Pass one in that range, or leave it out for the default (${fallback}).`,
  )
}

/** `value` when it is one of `choices`, `fallback` when undefined; else a `TypeError`. */
export function oneOf<Choice extends string | boolean>(
  name: string,
  value: unknown,
  fallback: Choice,
  choices: readonly Choice[],
): Choice {
  if (value === undefined) return fallback
  if (choices.includes(value as Choice)) return value as Choice
  throw new TypeError(
    `${name} must be one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}; ` +
      `got ${shown(value)}. Leave it out for the default (${JSON.stringify(fallback)}).`,
  )
}
