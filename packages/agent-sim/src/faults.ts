import type { AgentRejectCode } from '@kvidai/agent-protocol'

/**
 * Failures to stage on purpose. A fault applies to the next run-like request
 * (`/api/agent`, `/resume`, `/retry-scene`) unless `persistent` is set.
 */
export interface Fault {
  /** Scene indexes (0-based) whose first attempt fails. */
  failScenes?: number[]
  /** Scene indexes whose narration fails (the scene completes with `voiceError`). */
  failVoices?: number[]
  /** Close the connection abruptly after this many events. */
  cutAfterEvents?: number
  /** After this many events, send nothing more (no keep-alives either) and keep the connection open. */
  stallAfterEvents?: number
  /** After this many events, send one event whose data is not valid JSON. */
  malformedAfterEvents?: number
  /** After this many events, send one event with a name the protocol does not have. */
  unknownEventAfterEvents?: number
  /** Reject the request with this code before anything streams. */
  reject?: AgentRejectCode
  /** Wait this long before answering at all (a slow first byte). */
  delayMs?: number
  /** Keep applying to every run-like request until cleared. */
  persistent?: boolean
}

export const FAULT_FIELDS = [
  'failScenes',
  'failVoices',
  'cutAfterEvents',
  'stallAfterEvents',
  'malformedAfterEvents',
  'unknownEventAfterEvents',
  'reject',
  'delayMs',
  'persistent',
] as const

/** Holds the staged fault and hands it to the request it applies to. */
export function createFaultQueue() {
  let staged: Fault | null = null
  return {
    set(fault: Fault) {
      staged = fault
    },
    clear() {
      staged = null
    },
    peek(): Fault | null {
      return staged
    },
    /** The fault for the next run-like request; a one-off fault is used up. */
    take(): Fault {
      const fault = staged ?? {}
      if (!fault.persistent) staged = null
      return fault
    },
  }
}

export type FaultQueue = ReturnType<typeof createFaultQueue>
