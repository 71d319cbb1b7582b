import type { Fault } from './faults'
import {
  isSimulatorProfile,
  SIMULATOR_PROFILES,
  type SimulatorProfile,
  type WireSwitches,
  wireSwitches,
} from './profiles'

/** Credit prices the simulator charges. One credit is about one US cent on the platform. */
export interface SimulatorPrices {
  /** The least balance a new run needs before any work starts (else 402). */
  minimumToStart: number
  /** Charged once when a long video's plan is made. */
  planning: number
  /** Charged once for every scene that completes; resume and retry need this much to start. */
  scene: number
  /** The part of `scene` that pays for narration; not charged when the voice fails. */
  sceneVoice: number
  /** Charged for the chat turn of a short edit. */
  editChat: number
  /** Charged for each generated image in a short edit. */
  editImage: number
  /** Charged for each generated video clip in a short edit. */
  editVideo: number
}

export interface SimulatorUser {
  email: string
  apiKey: string
  credits: number
}

export interface SimulatorOptions {
  /** Makes plans, timings and media names repeatable. Default 1. */
  seed?: number
  /** Credits of the seeded user `demo@example.com` (key `kvid_demo_key`). Default 1,000. */
  credits?: number
  /** Further users, besides the seeded one. */
  users?: SimulatorUser[]
  /** Average time one scene takes to generate, in ms. Default 300. */
  sceneMs?: number
  /** Time one short-edit tool call takes, in ms. Default half of `sceneMs`. */
  toolMs?: number
  /** Scenes generated at once by the media queue. Default 3. */
  concurrency?: number
  /** Scenes per `checkpoint` event. Default 1 (a checkpoint after every completed scene). */
  checkpointEvery?: number
  prices?: Partial<SimulatorPrices>
  /** Quiet time after which a keep-alive is sent, in ms. Default 15,000. */
  heartbeatMs?: number
  /**
   * `comment` sends `: keep-alive` lines; `event` sends a named `heartbeat` event with `{}`.
   * Profiles that decide keep-alives themselves (`silent`, `heartbeat-events`, `everything`) ignore it.
   */
  heartbeat?: 'comment' | 'event'
  /** A run with no progress for this long is reaped by the next request of its user. Default 120,000. */
  zombieMs?: number
  /** Agent requests a user may make per minute; over it, 429 `rate_limited`. Off by default. */
  rateLimit?: number
  /** Serve the `/__sim/` admin surface. Default true. */
  admin?: boolean
  /** Faults applied from the start, as `POST /__sim/faults` would. */
  faults?: Fault
  /**
   * Which of the plausible servers to be where the reference is silent (keep-alives,
   * silent tools, extra or missing fields, plan on resume). Default `standard`.
   */
  profile?: SimulatorProfile
  /** Under `silent` and `everything`, how long every tool call works without a word, in ms. Default 95,000. */
  silentToolMs?: number
}

export interface ResolvedOptions {
  seed: number
  credits: number
  users: SimulatorUser[]
  sceneMs: number
  toolMs: number
  concurrency: number
  checkpointEvery: number
  prices: SimulatorPrices
  heartbeatMs: number
  zombieMs: number
  rateLimit: number
  admin: boolean
  profile: SimulatorProfile
  silentToolMs: number
  wire: WireSwitches
}

export const DEMO_USER: SimulatorUser = {
  email: 'demo@example.com',
  apiKey: 'kvid_demo_key',
  credits: 1000,
}

export const DEFAULT_PRICES: SimulatorPrices = {
  minimumToStart: 5,
  planning: 5,
  scene: 10,
  sceneVoice: 4,
  editChat: 2,
  editImage: 8,
  editVideo: 40,
}

/** The longest wait `setTimeout` keeps; beyond it a timer fires at once. */
const LONGEST_TIMER_MS = 2_147_483_647

function readProfile(value: unknown): SimulatorProfile {
  if (value === undefined) return 'standard'
  if (isSimulatorProfile(value)) return value
  throw new TypeError(
    `Unknown simulator profile ${JSON.stringify(value)}. Valid profiles: ${SIMULATOR_PROFILES.join(', ')}.`,
  )
}

function readSilentToolMs(value: unknown): number {
  if (value === undefined) return 95_000
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > LONGEST_TIMER_MS
  ) {
    throw new TypeError(
      `silentToolMs must be a number of ms from 0 to ${LONGEST_TIMER_MS}, got ${String(value)}.`,
    )
  }
  return value
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const sceneMs = options.sceneMs ?? 300
  const profile = readProfile(options.profile)
  return {
    seed: options.seed ?? 1,
    credits: options.credits ?? DEMO_USER.credits,
    users: options.users ?? [],
    sceneMs,
    toolMs: options.toolMs ?? Math.round(sceneMs / 2),
    concurrency: Math.max(1, options.concurrency ?? 3),
    checkpointEvery: Math.max(1, options.checkpointEvery ?? 1),
    prices: { ...DEFAULT_PRICES, ...options.prices },
    heartbeatMs: options.heartbeatMs ?? 15_000,
    zombieMs: options.zombieMs ?? 120_000,
    rateLimit: options.rateLimit ?? 0,
    admin: options.admin ?? true,
    profile,
    silentToolMs: readSilentToolMs(options.silentToolMs),
    wire: wireSwitches(profile, options.heartbeat ?? 'comment'),
  }
}
