import type { Locale } from '@kvidai/agent-core'
import type { MessageKey } from './en'
import type { MessageParams } from './format-message'

/** Messages by key in the current locale; a component's own takes only the keys it has English for. */
export interface Translate<Key extends MessageKey = MessageKey> {
  (key: Key, params?: MessageParams): string
  /** The locale the messages are in: the provider's, or `en` while its catalog is missing. */
  locale: Locale
}
