import type { AgentWarningListener } from './warnings'

export type Fields = Record<string, unknown>

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/**
 * Reads the fields of one payload, each with a safe default: a field that is absent or of
 * the wrong type is reported through `warn` (naming the event and the field) and replaced.
 * Whatever the payload holds, every reader returns a value of its declared type.
 */
export function createPayloadReader(
  event: string,
  payload: Fields,
  warn: AgentWarningListener,
  prefix = '',
) {
  function note(field: string, message: string) {
    warn({ event, field: prefix + field, message })
  }
  function report(field: string, expected: string, used: string) {
    note(field, `expected ${expected}, found ${describe(payload[field])}; ${used}`)
  }
  function count(field: string, max: number, fallback: number): number {
    const value = payload[field]
    if (Number.isSafeInteger(value) && (value as number) >= 0) {
      if ((value as number) <= max) return value as number
      note(field, `${value} is over ${max}; used ${max}`)
      return max
    }
    report(field, `a whole number from 0 to ${max}`, `used ${fallback}`)
    return fallback
  }

  return {
    payload,
    report: note,
    /** A string, or `fallback` (reported). */
    text(field: string, fallback: string): string {
      const value = payload[field]
      if (typeof value === 'string') return value
      report(field, 'a string', `used ${JSON.stringify(fallback)}`)
      return fallback
    },
    /** A string, or undefined when absent or null; another type is reported and dropped. */
    optionalText(field: string): string | undefined {
      const value = payload[field]
      if (typeof value === 'string') return value
      if (value != null) report(field, 'a string', 'ignored it')
      return undefined
    },
    flag(field: string, fallback: boolean): boolean {
      const value = payload[field]
      if (typeof value === 'boolean') return value
      report(field, 'a boolean', `used ${fallback}`)
      return fallback
    },
    /** A finite number, or `fallback` (reported). */
    number(field: string, fallback: number): number {
      const value = payload[field]
      if (typeof value === 'number' && Number.isFinite(value)) return value
      report(field, 'a number', `used ${fallback}`)
      return fallback
    },
    /** A whole count from 0 to `max`: a larger one is clamped, anything else is `fallback`. */
    count,
    /** A count as above, or undefined when absent or null. */
    optionalCount(field: string, max: number): number | undefined {
      if (payload[field] == null) return undefined
      return count(field, max, 0)
    },
    /** An object, or undefined when absent or null; another type is reported and dropped. */
    optionalObject(field: string): Fields | undefined {
      const value = payload[field]
      if (isObject(value)) return value
      if (value != null) report(field, 'an object', 'ignored it')
      return undefined
    },
  }
}

export type PayloadReader = ReturnType<typeof createPayloadReader>
