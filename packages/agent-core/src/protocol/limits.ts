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
