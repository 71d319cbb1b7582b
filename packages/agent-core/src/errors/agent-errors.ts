import { AGENT_REJECT_CODES, type AgentRejectCode } from '../protocol/errors'

/** One marker per class, shared by every copy of this package loaded on a page. */
const markerOf = (name: string) => Symbol.for(`@kvidai/agent-core/${name}`)

function mark(error: Error, name: string) {
  Object.defineProperty(error, markerOf(name), { value: true })
}

/**
 * Every error this package throws or reports extends this class, and carries a `code`.
 * `isInstance` checks by marker, so it holds even when two copies of the SDK are
 * installed (where `instanceof` fails).
 */
export class AgentError extends Error {
  override name = 'AgentError'
  readonly code: string

  constructor(options: { code: string; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    mark(this, 'AgentError')
  }

  /** The class's marker name: survives minifiers, which rename classes. */
  static readonly kind: string = 'AgentError'

  /** Whether `value` is an error of this class, from any copy of the SDK. */
  static isInstance<Instance extends AgentError>(
    this: abstract new (
      ...args: never[]
    ) => Instance,
    value: unknown,
  ): value is Instance {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on.
    const { kind } = this as unknown as { kind: string }
    return typeof value === 'object' && value !== null && markerOf(kind) in value
  }
}

/** A request the client refused to send: names the field and how to fix it. */
export class AgentValidationError extends AgentError {
  static override readonly kind: string = 'AgentValidationError'
  override name = 'AgentValidationError'
  declare readonly code: 'VALIDATION'
  readonly field: string
  readonly fix: string

  constructor(options: { field: string; fix: string; cause?: unknown }) {
    super({ code: 'VALIDATION', message: `${options.field}: ${options.fix}`, cause: options.cause })
    this.field = options.field
    this.fix = options.fix
    mark(this, 'AgentValidationError')
  }
}

/** What a reject code can be: the documented ones, or one this SDK does not know. */
export type AgentRequestErrorCode = AgentRejectCode | 'UNKNOWN' | 'BAD_RESPONSE'

/** The server answered without a stream (an early reject, or a broken response). */
export class AgentRequestError extends AgentError {
  static override readonly kind: string = 'AgentRequestError'
  override name = 'AgentRequestError'
  declare readonly code: AgentRequestErrorCode
  readonly status: number
  readonly data: unknown
  /** Seconds to wait before asking again, when the server said. */
  readonly retryAfter?: number

  constructor(options: {
    code: AgentRequestErrorCode
    status: number
    message: string
    data?: unknown
    retryAfter?: number
    cause?: unknown
  }) {
    super(options)
    this.status = options.status
    this.data = options.data ?? null
    this.retryAfter = options.retryAfter
    mark(this, 'AgentRequestError')
  }
}

/**
 * `EVENT_TOO_LARGE`: one event was larger than the client holds (the connection is closed
 * before it is read whole). `UNREADABLE_DONE`: the run ended, but its result was not JSON.
 */
export type AgentProtocolErrorCode = 'EVENT_TOO_LARGE' | 'UNREADABLE_DONE'

/** The stream broke the protocol in a way the run cannot go on from. */
export class AgentProtocolError extends AgentError {
  static override readonly kind: string = 'AgentProtocolError'
  override name = 'AgentProtocolError'
  declare readonly code: AgentProtocolErrorCode
  /** The event's name, as it came off the wire. */
  readonly event: string
  /** The start of the event's data, for a bug report. */
  readonly data: string

  constructor(options: {
    code: AgentProtocolErrorCode
    event: string
    data: string
    message: string
    cause?: unknown
  }) {
    super(options)
    this.event = options.event
    this.data = options.data
    mark(this, 'AgentProtocolError')
  }
}

/**
 * The agent's own `error` event: the run failed on the server. `code` is the documented
 * code when the event names one (such as `ZOMBIE_TIMEOUT`), else `STREAM_ERROR`.
 */
export class AgentStreamError extends AgentError {
  static override readonly kind: string = 'AgentStreamError'
  override name = 'AgentStreamError'

  constructor(options: { message: string; code?: string; cause?: unknown }) {
    super({ ...options, code: options.code ?? 'STREAM_ERROR' })
    mark(this, 'AgentStreamError')
  }
}

export type AgentStoreErrorCode = 'RUN_IN_FLIGHT' | 'NO_JOB'

/** A store action that cannot run now; nothing was sent. */
export class AgentStoreError extends AgentError {
  static override readonly kind: string = 'AgentStoreError'
  override name = 'AgentStoreError'
  declare readonly code: AgentStoreErrorCode

  constructor(options: { code: AgentStoreErrorCode; message: string; cause?: unknown }) {
    super(options)
    mark(this, 'AgentStoreError')
  }
}

/** The error an `error` event reports, with its code when it names a documented one. */
export function toStreamError(message: string): AgentStreamError {
  const known = (AGENT_REJECT_CODES as readonly string[]).includes(message)
  return new AgentStreamError({ message, code: known ? message : undefined })
}
