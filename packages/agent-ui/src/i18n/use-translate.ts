import type { DoneResult, Locale } from '@kvidai/agent-core'
import { useAgentLocale } from '@kvidai/agent-react'
import { useCallback, useContext } from 'react'
import { CATALOGS } from './catalogs'
import type { MessageKey } from './en'
import { formatMessage, type MessageParams } from './format-message'
import { MessagesContext } from './messages-provider'

export interface Translate {
  (key: MessageKey, params?: MessageParams): string
  locale: Locale
}

function isMessageKey(key: string): key is MessageKey {
  return key in CATALOGS.en
}

/** Messages in the provider's locale, with any overrides applied. */
export function useTranslate(): Translate {
  const locale = useAgentLocale()
  const overrides = useContext(MessagesContext)
  const translate = useCallback(
    (key: MessageKey, params?: MessageParams) =>
      formatMessage(locale, overrides[key] ?? CATALOGS[locale][key], params),
    [locale, overrides],
  )
  return Object.assign(translate, { locale })
}

/** The `done` message in the current locale when its key is known, else as the server wrote it. */
export function doneMessage(translate: Translate, result: DoneResult): string {
  const { messageKey, messageParams } = result
  if (messageKey && isMessageKey(messageKey)) return translate(messageKey, messageParams)
  return result.message
}
