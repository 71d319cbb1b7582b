import { checkedAdminToken } from './admin-guard'
import type { Fault } from './faults'
import { boundedNumber, OPTION_BOUNDS, oneOf } from './option-bounds'
import {
  isSimulatorProfile,
  SIMULATOR_PROFILES,
  type SimulatorProfile,
  type WireSwitches,
  wireSwitches,
} from './profiles'
import { checkedUsers } from './user-check'

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
  /** Makes plans, timings and media names repeatable. A whole number, 0 to 2³²−1. Default 1. */
  seed?: number
  /** Credits of the seeded user `demo@example.com` (key `kvid_demo_key`), 0 or more. Default 1,000. */
  credits?: number
  /** Further users, besides the seeded one. */
  users?: SimulatorUser[]
  /** Average time one scene takes to generate, in ms, up to an hour. Default 300. */
  sceneMs?: number
  /** Time one short-edit tool call takes, in ms, up to an hour. Default half of `sceneMs`. */
  toolMs?: number
  /** Scenes generated at once by the media queue, 1 to 100. Default 3. */
  concurrency?: number
  /** Scenes per `checkpoint` event, a whole number from 1. Default 1 (a checkpoint after every completed scene). */
  checkpointEvery?: number
  /** Each from 0 to 1,000,000 credits. */
  prices?: Partial<SimulatorPrices>
  /** Quiet time after which a keep-alive is sent, in ms, up to 2³¹−1; 0 sends none. Default 15,000. */
  heartbeatMs?: number
  /**
   * `comment` sends `: keep-alive` lines; `event` sends a named `heartbeat` event with `{}`.
   * Profiles that decide keep-alives themselves (`silent`, `heartbeat-events`, `everything`) ignore it.
   */
  heartbeat?: 'comment' | 'event'
  /** A run with no progress for this long (ms, up to 2³¹−1) is reaped by its user's next request. Default 120,000. */
  zombieMs?: number
  /** Agent requests a user may make per minute (up to 100,000); over it, 429 `rate_limited`. 0, the default, is off. */
  rateLimit?: number
  /**
   * Serve the `/__sim/` admin surface over `fetch`. Default true here, for tests in one
   * process; the CLI serves it only with `--admin`, and then always with a token.
   * Cross-site browser requests are refused either way.
   */
  admin?: boolean
  /**
   * When set (16 to 256 visible ASCII characters), every `/__sim/` request must carry it in
   * the `x-sim-admin-token` header. Without it, the admin answers requests that are not
   * from a browser, and browsers on loopback. `simulator.admin` never needs it.
   */
  adminToken?: string
  /**
   * The largest `POST /api/agent` body read, in bytes, from 1 KiB to 1 GiB; a larger one is
   * answered 413 without being read further. Default 80 MiB: one 50 MB attachment (about
   * 67 MiB as base64) with the longest message, a full chat history and a large
   * composition. Ten such files would need about 670 MiB; raise it only to test that.
   * Resume and retry-scene bodies are held to 64 KiB (or this, if smaller).
   */
  maxBodyBytes?: number
  /** Faults applied from the start, as `POST /__sim/faults` would. */
  faults?: Fault
  /**
   * Which of the plausible servers to be where the reference is silent (keep-alives,
   * silent tools, extra or missing fields, plan on resume). Default `standard`.
   */
  profile?: SimulatorProfile
  /** Under `silent` and `everything`, how long every tool call works without a word, in ms, up to 2³¹−1. Default 95,000. */
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
  adminToken: string | null
  profile: SimulatorProfile
  silentToolMs: number
  maxBodyBytes: number
  wire: WireSwitches
}

export const DEMO_USER: SimulatorUser = {
  email: 'demo@example.com',
  apiKey: 'kvid_demo_key',
  credits: 1000,
}

/** The default `maxBodyBytes`: 80 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 80 * 1024 * 1024

export const DEFAULT_PRICES: SimulatorPrices = {
  minimumToStart: 5,
  planning: 5,
  scene: 10,
  sceneVoice: 4,
  editChat: 2,
  editImage: 8,
  editVideo: 40,
}

function readProfile(value: unknown): SimulatorProfile {
  if (value === undefined) return 'standard'
  if (isSimulatorProfile(value)) return value
  throw new TypeError(
    `Unknown simulator profile ${JSON.stringify(value)}. Valid profiles: ${SIMULATOR_PROFILES.join(', ')}.`,
  )
}

function readPrices(prices: Partial<SimulatorPrices> | undefined): SimulatorPrices {
  const resolved = { ...DEFAULT_PRICES }
  for (const [name, value] of Object.entries(prices ?? {})) {
    if (!Object.hasOwn(DEFAULT_PRICES, name)) {
      throw new TypeError(
        `prices.${name} is not a price; the prices are ${Object.keys(DEFAULT_PRICES).join(', ')}.`,
      )
    }
    const key = name as keyof SimulatorPrices
    resolved[key] = boundedNumber(`prices.${name}`, value, DEFAULT_PRICES[key], OPTION_BOUNDS.price)
  }
  return resolved
}

/** Every option checked against its bounds (a `TypeError` names the first that is not), with defaults filled in. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const number = <Name extends keyof typeof OPTION_BOUNDS & keyof SimulatorOptions>(
    name: Name,
    fallback: number,
  ) => boundedNumber(name, options[name], fallback, OPTION_BOUNDS[name])
  const sceneMs = number('sceneMs', 300)
  const profile = readProfile(options.profile)
  return {
    seed: number('seed', 1),
    credits: number('credits', DEMO_USER.credits),
    users: checkedUsers(options.users, DEMO_USER),
    sceneMs,
    toolMs: number('toolMs', Math.round(sceneMs / 2)),
    concurrency: number('concurrency', 3),
    checkpointEvery: number('checkpointEvery', 1),
    prices: readPrices(options.prices),
    heartbeatMs: number('heartbeatMs', 15_000),
    zombieMs: number('zombieMs', 120_000),
    rateLimit: number('rateLimit', 0),
    admin: oneOf('admin', options.admin, true, [true, false]),
    adminToken: checkedAdminToken(options.adminToken),
    profile,
    silentToolMs: number('silentToolMs', 95_000),
    maxBodyBytes: number('maxBodyBytes', DEFAULT_MAX_BODY_BYTES),
    wire: wireSwitches(
      profile,
      oneOf('heartbeat', options.heartbeat, 'comment', ['comment', 'event']),
    ),
  }
}
