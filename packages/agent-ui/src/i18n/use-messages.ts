import { devWarning, type Locale } from '@kvidai/agent-core'
import { useAgentLocale } from '@kvidai/agent-react'
import { useContext, useMemo } from 'react'
import type { MessageKey } from './en'
import { formatMessage, type Message, type MessageParams } from './format-message'
import { type Catalogs, MessagesContext } from './messages-provider'
import type { Translate } from './translate'

type Messages<Key extends MessageKey> = Record<Key, Message>

/** The messages for `locale` and the locale to format them in: English, with a warning, if none were supplied. */
function messagesFor<Key extends MessageKey>(
  locale: Locale,
  catalogs: Catalogs,
  english: Messages<Key>,
): [Locale, Messages<Key>] {
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
  return ['en', english]
}

/**
 * Messages in the provider's locale, with any overrides applied, for the keys of `english`:
 * a component passes its own group (declared at module scope), so it bundles only the
 * English it shows.
 */
export function useMessages<Key extends MessageKey>(english: Messages<Key>): Translate<Key> {
  const locale = useAgentLocale()
  const { catalogs, overrides } = useContext(MessagesContext)
  const [language, messages] = messagesFor(locale, catalogs, english)
  return useMemo(
    () =>
      Object.assign(
        (key: Key, params?: MessageParams) =>
          formatMessage(language, overrides[key] ?? messages[key], params),
        { locale: language },
      ),
    [language, messages, overrides],
  )
}
