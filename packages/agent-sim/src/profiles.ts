/**
 * Where the API reference is silent, a real server may behave in more than one way.
 * A profile picks one of those ways, so a client can be tried against each of them.
 */
export const SIMULATOR_PROFILES = [
  'standard',
  'silent',
  'heartbeat-events',
  'extra-fields',
  'sparse',
  'no-resume-plan',
  'everything',
] as const

export type SimulatorProfile = (typeof SIMULATOR_PROFILES)[number]

/** One line per profile: what it stages. */
export const PROFILE_DESCRIPTIONS: Readonly<Record<SimulatorProfile, string>> = {
  standard: 'keep-alive comments (or heartbeat events) when quiet; every field the reference names',
  silent: 'no keep-alives at all, and every tool call works silently for silentToolMs',
  'heartbeat-events': 'keep-alives are named heartbeat events whose data is not JSON',
  'extra-fields': 'unnamed fields in every payload and composition, and an unknown usage event',
  sparse: 'optional fields left out, field: null, and a string projectId in done',
  'no-resume-plan': 'a resume stream sends no plan_ready',
  everything: 'all of the above at once; nothing at all on the wire while a tool works',
}

/** What a stream sends after `heartbeatMs` of quiet. */
export type KeepAlive =
  /** `: keep-alive` comment lines. */
  | 'comment'
  /** `event: heartbeat` with `data: {}`. */
  | 'json-event'
  /** `event: heartbeat` with data that is not JSON, or none: `ping`, no data line, `{"ts":…}` in turn. */
  | 'varied-event'
  /** Nothing, ever. */
  | 'none'

/** The independent ways a profile changes the wire; the run itself is the same under all. */
export interface WireSwitches {
  keepAlive: KeepAlive
  /** Tool calls take `silentToolMs`, with keep-alives held back while they work. */
  silentTools: boolean
  /** Fields and an event the reference does not name. */
  extraFields: boolean
  /** Optional fields left out, and odd but plausible values. */
  sparse: boolean
  /** A resume stream starts with `plan_ready`. */
  planOnResume: boolean
}

export function isSimulatorProfile(value: unknown): value is SimulatorProfile {
  return (SIMULATOR_PROFILES as readonly unknown[]).includes(value)
}

/**
 * The switches of a profile. `heartbeat` is the keep-alive the profile does not decide:
 * the `heartbeat` option, for the profiles that leave keep-alives as they are.
 */
export function wireSwitches(
  profile: SimulatorProfile,
  heartbeat: 'comment' | 'event',
): WireSwitches {
  const usual: WireSwitches = {
    keepAlive: heartbeat === 'event' ? 'json-event' : 'comment',
    silentTools: false,
    extraFields: false,
    sparse: false,
    planOnResume: true,
  }
  switch (profile) {
    case 'standard':
      return usual
    case 'silent':
      return { ...usual, keepAlive: 'none', silentTools: true }
    case 'heartbeat-events':
      return { ...usual, keepAlive: 'varied-event' }
    case 'extra-fields':
      return { ...usual, extraFields: true }
    case 'sparse':
      return { ...usual, sparse: true }
    case 'no-resume-plan':
      return { ...usual, planOnResume: false }
    case 'everything':
      return {
        keepAlive: 'varied-event',
        silentTools: true,
        extraFields: true,
        sparse: true,
        planOnResume: false,
      }
  }
}
