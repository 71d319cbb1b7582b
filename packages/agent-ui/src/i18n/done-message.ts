import type { DoneResult } from '@kvidai/agent-core'
import { hasMessage } from './has-message'
import { type StatusKey, statusMessages } from './messages'
import type { Translate } from './translate'

/** The `done` message in the current locale when its key is known, else as the server wrote it. */
export function doneMessage(translate: Translate<StatusKey>, result: DoneResult): string {
  const { messageKey, messageParams } = result
  if (messageKey && hasMessage(statusMessages, messageKey)) {
    return translate(messageKey, messageParams)
  }
  return result.message
}
