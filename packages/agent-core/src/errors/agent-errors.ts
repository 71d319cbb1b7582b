import { AGENT_REJECT_CODES, type AgentRejectCode } from '@kvidai/agent-protocol'

/** One marker per class, shared by every copy of this package loaded on a page. */
const markerOf = (kind: string) => Symbol.for(`@kvidai/agent-core/${kind}`)

/** What every error takes: its code, message and cause, and the fields of its class. */
export interface AgentErrorOptions {
  code: string
  message: string
  cause?: unknown
  [field: string]: unknown
}

/**
 * Every error this package throws or reports extends this class and carries a `code`;
 * each takes one options object, `cause` included. `isInstance` checks by marker, so it
 * holds even when two copies of the SDK are installed (where `instanceof` fails).
 * `Options` is what a subclass's constructor takes, for a subclass that needs no
 * constructor of its own.
 */
export class AgentError<Options extends AgentErrorOptions = AgentErrorOptions> extends Error {
  /** The class's marker name: it survives minifiers, which rename classes. */
  static readonly kind: string = 'AgentError'
  declare readonly code: string

  constructor({ message, cause, ...fields }: Options) {
    super(message, cause === undefined ? undefined : { cause })
    Object.assign(this, fields)
    // Marked as every class it is an instance of, from its own up to this one.
    for (let type: { kind?: string } = new.target; type.kind; type = Object.getPrototypeOf(type)) {
      Object.defineProperty(this, markerOf(type.kind), { value: true })
    }
    this.name = new.target.kind
  }

  /**
   * The error as JSON: its class, code, message and fields (not its stack or cause), so an
   * action log that carries it can be saved, sent to another tab and rebuilt
   * (`reviveAgentError`).
   */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message }
  }

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
  declare readonly code: 'VALIDATION'
  declare readonly field: string
  declare readonly fix: string

  constructor(options: { field: string; fix: string; cause?: unknown }) {
    super({ ...options, code: 'VALIDATION', message: `${options.field}: ${options.fix}` })
  }
}

/** What a reject code can be: the documented ones, or one this SDK does not know. */
export type AgentRequestErrorCode = AgentRejectCode | 'UNKNOWN' | 'BAD_RESPONSE'

/** The server answered without a stream (an early reject, or a broken response). */
export class AgentRequestError extends AgentError {
  static override readonly kind: string = 'AgentRequestError'
  declare readonly code: AgentRequestErrorCode
  declare readonly status: number
  declare readonly data: unknown
  /** Seconds to wait before asking again, when the server said. */
  declare readonly retryAfter?: number

  constructor(options: {
    code: AgentRequestErrorCode
    status: number
    message: string
    data?: unknown
    retryAfter?: number
    cause?: unknown
  }) {
    super({ data: null, ...options })
  }
}

/**
 * `EVENT_TOO_LARGE`: one event was larger than the client holds (the connection is closed
 * before it is read whole). `UNREADABLE_DONE`: the run ended, but its result was not JSON.
 */
export type AgentProtocolErrorCode = 'EVENT_TOO_LARGE' | 'UNREADABLE_DONE'

/** The stream broke the protocol in a way the run cannot go on from. */
export class AgentProtocolError extends AgentError<{
  code: AgentProtocolErrorCode
  event: string
  data: string
  message: string
  cause?: unknown
}> {
  static override readonly kind: string = 'AgentProtocolError'
  declare readonly code: AgentProtocolErrorCode
  /** The event's name, as it came off the wire. */
  declare readonly event: string
  /** The start of the event's data, for a bug report. */
  declare readonly data: string
}

/**
 * The agent's own `error` event: the run failed on the server. `code` is the documented
 * code when the event names one (such as `ZOMBIE_TIMEOUT`), else `STREAM_ERROR`.
 */
export class AgentStreamError extends AgentError {
  static override readonly kind: string = 'AgentStreamError'

  constructor(options: { message: string; code?: string; cause?: unknown }) {
    super({ code: 'STREAM_ERROR', ...options })
  }
}

/**
 * `RUN_IN_FLIGHT`: this store's request streams. `RUNNING_IN_ANOTHER_TAB`: another tab of the
 * same user and project runs it. `NO_JOB`, `NO_RUN`: nothing to resume, start again.
 */
export type AgentStoreErrorCode = 'RUN_IN_FLIGHT' | 'RUNNING_IN_ANOTHER_TAB' | 'NO_JOB' | 'NO_RUN'

/** A store action that cannot run now; nothing was sent. */
export class AgentStoreError extends AgentError<{
  code: AgentStoreErrorCode
  message: string
  cause?: unknown
}> {
  static override readonly kind: string = 'AgentStoreError'
  declare readonly code: AgentStoreErrorCode
}

const streamErrors = new WeakMap<object, AgentStreamError>()

/**
 * The error an `error` event reports, with its code when it names a documented one. Made
 * once per event: the transport's outcome and the run state hold the same object.
 */
export function streamErrorOf(event: { data: { error: string } }): AgentStreamError {
  let error = streamErrors.get(event.data)
  if (!error) {
    const message = event.data.error
    const known = (AGENT_REJECT_CODES as readonly string[]).includes(message)
    error = new AgentStreamError(known ? { message, code: message } : { message })
    streamErrors.set(event.data, error)
  }
  return error
}

const CLASSES = {
  AgentError,
  AgentValidationError,
  AgentRequestError,
  AgentProtocolError,
  AgentStreamError,
  AgentStoreError,
} as Record<string, typeof AgentError>

/**
 * An error as the run state holds it: an `AgentError` as it is, or one saved as JSON
 * (`toJSON`) made again as its own class, with its code, message and fields.
 */
export function reviveAgentError(value: unknown): AgentError {
  if (AgentError.isInstance(value)) return value
  const { name, message, code, ...fields } = (
    typeof value === 'object' && value !== null ? value : { message: String(value) }
  ) as Record<string, unknown>
  const type = typeof name === 'string' && Object.hasOwn(CLASSES, name) ? CLASSES[name] : AgentError
  // The base constructor, as the saved class: every marker and the name come back with it.
  return Reflect.construct(
    AgentError,
    [{ ...fields, code: String(code ?? 'UNKNOWN'), message: String(message ?? '') }],
    type as typeof AgentError,
  )
}
