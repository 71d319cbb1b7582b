import type { Locale } from '@kvidai/agent-core'

const formats = new Map<string, Intl.NumberFormat>()

function unitFormat(locale: Locale, unit: 'second' | 'minute' | 'hour') {
  const key = `${locale}:${unit}`
  const format =
    formats.get(key) ?? new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })
  formats.set(key, format)
  return format
}

/**
 * A length of time in the locale's short words, to the unit that matters: "45 sec" under a
 * minute, "3 min" under an hour, then "2 hr". Whole units, rounded down, never below one.
 */
export function formatDuration(locale: Locale, milliseconds: number): string {
  const seconds = Math.max(1, Math.floor(milliseconds / 1000))
  if (seconds < 60) return unitFormat(locale, 'second').format(seconds)
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return unitFormat(locale, 'minute').format(minutes)
  return unitFormat(locale, 'hour').format(Math.floor(minutes / 60))
}
