import {
  type AgentError,
  AgentProtocolError,
  AgentRequestError,
  AgentStoreError,
  AgentStreamError,
  AgentValidationError,
} from '@kvidai/agent-core'
import { hasMessage } from './i18n/has-message'
import { type ErrorKey, errorMessages } from './i18n/messages'
import type { Translate } from './i18n/translate'

/** A code this SDK names, for styling and tests: the reject code, or the kind of failure. */
export function errorCode(error: AgentError): string {
  if (AgentRequestError.isInstance(error) || AgentStoreError.isInstance(error)) return error.code
  if (AgentValidationError.isInstance(error)) return 'validation'
  if (AgentProtocolError.isInstance(error)) return 'protocol'
  if (AgentStreamError.isInstance(error)) return 'stream'
  return 'UNKNOWN'
}

/**
 * What went wrong and what to do, in the user's language. Errors are told apart by their
 * markers (`isInstance`), so errors from a second copy of the SDK read the same.
 */
export function describeError(translate: Translate<ErrorKey>, error: AgentError): string {
  // Read before the marker checks, which narrow the type of `error` as they go.
  const { code, message } = error
  const request = AgentRequestError.isInstance(error) ? error : null
  if (AgentValidationError.isInstance(error)) {
    return translate('error.validation', { field: error.field, detail: error.fix })
  }
  if (AgentProtocolError.isInstance(error)) return translate('error.protocol')
  if (AgentStreamError.isInstance(error))
    return translate('error.stream', { detail: error.message })
  if (request || AgentStoreError.isInstance(error)) {
    const key = `error.${code}`
    return translate(hasMessage(errorMessages, key) ? key : 'error.UNKNOWN', {
      detail: message,
      seconds: request ? (request.retryAfter ?? 60) : undefined,
      status: request?.status,
    })
  }
  return translate('error.UNKNOWN', { detail: message })
}
