import { AgentRequestError } from '@kvidai/agent-core'
import { describe, expect, it } from 'vitest'
import { describeError, errorCode } from './describe-error'
import { en, type MessageKey } from './i18n/en'
import { formatMessage, type MessageParams } from './i18n/format-message'
import type { Translate } from './i18n/translate'

const translate: Translate = Object.assign(
  (key: MessageKey, params?: MessageParams) => formatMessage('en', en[key], params),
  { locale: 'en' as const },
)

/** An error as another installed copy of agent-core makes it: its own class, the same markers. */
function fromAnotherCopy() {
  class AgentRequestErrorOfAnotherCopy extends Error {}
  const error = Object.assign(new AgentRequestErrorOfAnotherCopy('Payment required'), {
    code: 'INSUFFICIENT_CREDIT',
    status: 402,
    data: { required: 5, available: 0 },
  })
  for (const kind of ['AgentRequestError', 'AgentError']) {
    Object.defineProperty(error, Symbol.for(`@kvidai/agent-core/${kind}`), { value: true })
  }
  return error as unknown as AgentRequestError
}

describe('describeError and errorCode', () => {
  it('read an error from another copy of the SDK as this copy’s own', () => {
    const foreign = fromAnotherCopy()
    expect(foreign instanceof AgentRequestError).toBe(false)
    const own = new AgentRequestError({
      code: 'INSUFFICIENT_CREDIT',
      status: 402,
      data: { required: 5, available: 0 },
      message: 'Payment required',
    })
    expect(errorCode(foreign)).toBe('INSUFFICIENT_CREDIT')
    expect(describeError(translate, foreign)).toBe(describeError(translate, own))
    expect(describeError(translate, foreign)).toBe(translate('error.INSUFFICIENT_CREDIT'))
  })
})
