import { type DoneResult, devWarning, type Locale } from '@kvidai/agent-core'
import { useAgentLocale } from '@kvidai/agent-react'
import { useContext, useMemo } from 'react'
import { type Catalog, en, isMessageKey, type MessageKey } from './en'
import { formatMessage, type MessageParams } from './format-message'
import { type Catalogs, MessagesContext } from './messages-provider'

export interface Translate {
  (key: MessageKey, params?: MessageParams): string
  /** The locale the messages are in: the provider's, or `en` while its catalog is missing. */
  locale: Locale
}

/** The catalog for `locale` and the locale to format it in: English, with a warning, if none was supplied. */
function catalogFor(locale: Locale, catalogs: Catalogs): [Locale, Catalog] {
  const catalog = catalogs[locale]
  if (catalog) return [locale, catalog]
  if (locale !== 'en') {
    devWarning(
      '@kvidai/agent-ui',
      `The locale is "${locale}" but no "${locale}" messages were supplied, so the components show English. ` +
        `Add \`import { ${locale} } from '@kvidai/agent-ui/locales/${locale}'\` and wrap them in ` +
        `<KvidMessagesProvider catalogs={{ ${locale} }}>.`,
    )
  }
  return ['en', en]
}

/** Messages in the provider's locale, with any overrides applied. */
export function useTranslate(): Translate {
  const locale = useAgentLocale()
  const { catalogs, overrides } = useContext(MessagesContext)
  const [language, catalog] = catalogFor(locale, catalogs)
  return useMemo(
    () =>
      Object.assign(
        (key: MessageKey, params?: MessageParams) =>
          formatMessage(language, overrides[key] ?? catalog[key], params),
        { locale: language },
      ),
    [language, catalog, overrides],
  )
}

/** The `done` message in the current locale when its key is known, else as the server wrote it. */
export function doneMessage(translate: Translate, result: DoneResult): string {
  const { messageKey, messageParams } = result
  if (messageKey && isMessageKey(messageKey)) return translate(messageKey, messageParams)
  return result.message
}
