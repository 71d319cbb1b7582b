/**
 * Something in the stream that breaks the protocol but not the run: a missing or
 * wrong-typed field, data that is not JSON, a number out of bounds. The SDK uses a safe
 * default instead, reports the oddity, and goes on.
 */
export interface AgentProtocolWarning {
  /** The event's name as it came off the wire. */
  event: string
  /** The field at fault, e.g. `data.projectId`; `data` for the payload as a whole. */
  field: string
  /** What was wrong, and what the SDK did instead. */
  message: string
}

export type AgentWarningListener = (warning: AgentProtocolWarning) => void
