import type { Message } from './format-message'
import {
  boardMessages,
  boundaryMessages,
  creditMessages,
  creditUnitMessages,
  errorMessages,
  promptMessages,
  resumeMessages,
  statusMessages,
  stopMessages,
  timelineMessages,
  toolsMessages,
  warningsMessages,
} from './messages'

/**
 * English, the source catalog: every other language has exactly these keys. Assembled from
 * the per-component groups in `./messages`; the components take their own group, so an app
 * bundles only the English of the components it uses.
 */
export const en = {
  ...boardMessages,
  ...resumeMessages,
  ...creditMessages,
  ...creditUnitMessages,
  ...stopMessages,
  ...statusMessages,
  ...boundaryMessages,
  ...toolsMessages,
  ...warningsMessages,
  ...errorMessages,
  ...promptMessages,
  ...timelineMessages,
} satisfies Record<string, Message>

export type MessageKey = keyof typeof en
export type Catalog = Record<MessageKey, Message>
