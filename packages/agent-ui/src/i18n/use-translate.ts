import { en } from './en'
import type { Translate } from './translate'
import { useMessages } from './use-messages'

/** Messages in the provider's locale, with any overrides applied, for every key. */
export function useTranslate(): Translate {
  return useMessages(en)
}
