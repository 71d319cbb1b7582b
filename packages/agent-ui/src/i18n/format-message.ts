import type { Locale } from '@kvidai/agent-core'

/** A message: plain text with `{name}` slots, or plural forms chosen by one numeric slot. */
export type Message =
  | string
  | {
      plural: string
      zero?: string
      one?: string
      two?: string
      few?: string
      many?: string
      other: string
    }

export type MessageParams = Record<string, string | number | undefined>

const numberFormats = new Map<string, Intl.NumberFormat>()
const pluralRules = new Map<string, Intl.PluralRules>()

function numberFormat(locale: Locale) {
  const format = numberFormats.get(locale) ?? new Intl.NumberFormat(locale)
  numberFormats.set(locale, format)
  return format
}

function pluralRule(locale: Locale) {
  const rule = pluralRules.get(locale) ?? new Intl.PluralRules(locale)
  pluralRules.set(locale, rule)
  return rule
}

/** Fills a message's slots; numbers are formatted and plurals chosen by the locale's rules. */
export function formatMessage(
  locale: Locale,
  message: Message,
  params: MessageParams = {},
): string {
  let text: string
  if (typeof message === 'string') text = message
  else {
    const count = Number(params[message.plural] ?? 0)
    const category = pluralRule(locale).select(count) as Exclude<keyof typeof message, 'plural'>
    text = message[category] ?? message.other
  }
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined
    if (typeof value === 'number') return numberFormat(locale).format(value)
    return typeof value === 'string' ? value : slot
  })
}
