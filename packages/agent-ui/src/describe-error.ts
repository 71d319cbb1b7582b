import {
  type AgentError,
  AgentProtocolError,
  AgentRequestError,
  AgentStoreError,
  AgentStreamError,
  AgentValidationError,
} from '@kvidai/agent-core'
import { isMessageKey } from './i18n/en'
import type { Translate } from './i18n/use-translate'

/** A code this SDK names, for styling and tests: the reject code, or the kind of failure. */
export function errorCode(error: AgentError): string {
  if (error instanceof AgentRequestError || error instanceof AgentStoreError) return error.code
  if (error instanceof AgentValidationError) return 'validation'
  if (error instanceof AgentProtocolError) return 'protocol'
  if (error instanceof AgentStreamError) return 'stream'
  return 'UNKNOWN'
}

/** What went wrong and what to do, in the user's language. */
export function describeError(translate: Translate, error: AgentError): string {
  if (error instanceof AgentValidationError) {
    return translate('error.validation', { field: error.field, detail: error.fix })
  }
  if (error instanceof AgentProtocolError) return translate('error.protocol')
  if (error instanceof AgentStreamError) return translate('error.stream', { detail: error.message })
  if (error instanceof AgentRequestError || error instanceof AgentStoreError) {
    const key = `error.${error.code}`
    return translate(isMessageKey(key) ? key : 'error.UNKNOWN', {
      detail: error.message,
      seconds: error instanceof AgentRequestError ? (error.retryAfter ?? 60) : undefined,
      status: error instanceof AgentRequestError ? error.status : undefined,
    })
  }
  return translate('error.UNKNOWN', { detail: error.message })
}
