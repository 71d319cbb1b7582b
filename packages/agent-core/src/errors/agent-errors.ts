import type { AgentRejectCode } from '../protocol/errors'

/** Every error this package throws or reports extends this class. */
export class AgentError extends Error {
  override name = 'AgentError'
}

/** A request the client refused to send: names the field and how to fix it. */
export class AgentValidationError extends AgentError {
  override name = 'AgentValidationError'
  constructor(
    readonly field: string,
    readonly fix: string,
  ) {
    super(`${field}: ${fix}`)
  }
}

/** What a reject code can be: the documented ones, or one this SDK does not know. */
export type AgentRequestErrorCode = AgentRejectCode | 'UNKNOWN' | 'BAD_RESPONSE'

/** The server answered without a stream (an early reject, or a broken response). */
export class AgentRequestError extends AgentError {
  override name = 'AgentRequestError'
  constructor(
    readonly code: AgentRequestErrorCode,
    readonly status: number,
    message: string,
    readonly data: unknown = null,
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

/** A stream event whose payload is not what the protocol says (bad JSON, missing fields). */
export class AgentProtocolError extends AgentError {
  override name = 'AgentProtocolError'
  constructor(
    readonly event: string,
    readonly data: string,
    message: string,
  ) {
    super(message)
  }
}

/** The agent's own `error` event: the run failed on the server. */
export class AgentStreamError extends AgentError {
  override name = 'AgentStreamError'
}

export type AgentStoreErrorCode = 'RUN_IN_FLIGHT' | 'NO_JOB'

/** A store action that cannot run now; nothing was sent. */
export class AgentStoreError extends AgentError {
  override name = 'AgentStoreError'
  constructor(
    readonly code: AgentStoreErrorCode,
    message: string,
  ) {
    super(message)
  }
}
