import { payloadWithExtras } from './extra-fields'
import type { WireSwitches } from './profiles'
import { sparsePayload } from './sparse-fields'

/** One event as it goes on the wire. */
export interface ShapedEvent {
  name: string
  data: unknown
}

/**
 * Turns one protocol event into what the wire carries under a profile: the event,
 * its payload made sparse and/or stamped with extras, then any events the profile
 * adds after it. The first is always the event itself.
 */
export type EventShaper = (name: string, data: unknown) => ShapedEvent[]

/** What a shaper knows of its run. */
export interface ShapedRun {
  runId: string
  /** Credits charged so far in this run. */
  spent(): number
}

export function createEventShaper(wire: WireSwitches, run: ShapedRun): EventShaper {
  let sequence = 0
  return (name, data) => {
    sequence++
    const payload = wire.sparse ? sparsePayload(name, data) : data
    if (!wire.extraFields) return [{ name, data: payload }]
    const stamp = { runId: run.runId, sequence, timestamp: Date.now() }
    const events = [{ name, data: payloadWithExtras(name, payload, stamp) }]
    if (name === 'scene_complete') events.push({ name: 'usage', data: { credits: run.spent() } })
    return events
  }
}
