import type { AttachmentType } from './requests'

/** Request limits the platform enforces; checked on the client before anything is sent. */
export const AGENT_LIMITS = {
  messageMaxLength: 4000,
  attachmentsMax: 10,
  attachmentMaxBytes: 50 * 1024 * 1024,
  attachmentTypes: ['image', 'video', 'audio', 'pdf', 'text'] as readonly AttachmentType[],
  chatHistoryMax: 50,
  chatContentMaxLength: 8000,
  selectedItemTypes: ['image', 'video'] as readonly string[],
} as const

/**
 * Bounds the client holds every stream to, whatever the server sends. An event larger than
 * `eventMaxBytes` ends the run with an `AgentProtocolError` (code `EVENT_TOO_LARGE`) before
 * it is read whole; counts beyond `scenesMax` are clamped or ignored with a warning; the
 * state keeps the last `warningsMax` warnings and `toolCallsMax` tool calls.
 */
export const STREAM_LIMITS = {
  /** 64 MiB: a composition of tens of megabytes passes, a runaway line does not. */
  eventMaxBytes: 64 * 1024 * 1024,
  scenesMax: 10_000,
  warningsMax: 50,
  toolCallsMax: 500,
  templateWarningsMax: 100,
} as const
