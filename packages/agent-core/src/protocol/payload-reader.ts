import { type AgentWarningListener, isObject } from '@kvidai/agent-protocol'

export type Fields = Record<string, unknown>

/** Thrown by a field without which the event cannot be used; the event is then skipped. */
export const UNUSABLE = { unusable: true } as const

/** What a field reader knows besides the field's value. */
export interface FieldContext {
  /** The object the field belongs to. */
  payload: Fields
  /** Reports an oddity of this field. */
  report(message: string): void
  /** Reads an object with a schema of its own, its fields reported under this one's name. */
  read<Shape>(schema: Schema<Shape>, value: Fields): Shape
}

/** Reads one field: always returns a value of its type, reporting what it had to mend. */
export type FieldReader<Value> = (value: unknown, context: FieldContext) => Value

/** The keys a type names, without its index signature. */
type KnownKeys<Shape> = keyof {
  [Key in keyof Shape as string extends Key ? never : Key]: Shape[Key]
}

/** One reader for every field a payload type names: checked against the type itself. */
export type Schema<Shape> = { [Key in KnownKeys<Shape>]-?: FieldReader<Shape[Key]> }

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

/**
 * Reads a payload with a schema: every field the schema names is read (and mended if need
 * be), every other field is kept as it came.
 */
export function readPayload<Shape>(
  schema: Schema<Shape>,
  payload: Fields,
  event: string,
  warn: AgentWarningListener,
  prefix = '',
): Shape {
  const result: Fields = { ...payload }
  for (const key in schema) {
    const field = key as string
    const context: FieldContext = {
      payload,
      report: (message) => warn({ event, field: prefix + field, message }),
      read: (inner, value) => readPayload(inner, value, event, warn, `${prefix + field}.`),
    }
    result[field] = (schema[key] as FieldReader<unknown>)(payload[field], context)
  }
  return result as Shape
}

/** A field of one JSON type, else `fallback` (reported), worked out from the payload. */
function required<Value>(
  accepts: (value: unknown) => boolean,
  fallback: (payload: Fields) => Value,
): FieldReader<Value> {
  return (value, context) => {
    if (accepts(value)) return value as Value
    const used = fallback(context.payload)
    context.report(`got ${describe(value)}; used ${JSON.stringify(used)}`)
    return used
  }
}

/** Reads a field that may be absent or null (either gives undefined) with `read`. */
export function optional<Value>(read: FieldReader<Value>): FieldReader<Value | undefined> {
  return (value, context) => (value == null ? undefined : read(value, context))
}

/** Reports a field of the wrong type and drops it (undefined). */
function ignore(value: unknown, context: FieldContext): undefined {
  context.report(`got ${describe(value)}; ignored it`)
  return undefined
}

const isText = (value: unknown) => typeof value === 'string'
const isFlag = (value: unknown) => typeof value === 'boolean'
export const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

// Factories, not readers made at load time: nothing runs until a stream is read, so a
// bundler can drop all of this from an app that never reads one.
export const text = (fallback: string) => required<string>(isText, () => fallback)
/** A text, or absent or null (undefined); another type is reported and dropped. */
export const optionalText: FieldReader<string | undefined> = (value, context) =>
  value == null || isText(value) ? (value ?? undefined) : ignore(value, context)
export const flag = (fallback: (payload: Fields) => boolean) => required<boolean>(isFlag, fallback)
export const number = (fallback: number) => required<number>(isNumber, () => fallback)

/** A whole count from 0 to `max`: a larger one is clamped to `max`, anything else is 0. */
export function count(max: number): FieldReader<number> {
  const whole = required<number>(Number.isSafeInteger, () => 0)
  return (value, context) => {
    const found = whole(value, context)
    const bounded = Math.min(Math.max(found, 0), max)
    if (bounded !== found) context.report(`got ${found}; used ${bounded}`)
    return bounded
  }
}

/** A map whose values pass `keeps`, without a prototype, so no key can mean anything else. */
export function map<Value>(keeps: (value: unknown) => boolean): FieldReader<Record<string, Value>> {
  return (value, context) => {
    const result: Record<string, Value> = Object.create(null)
    if (!isObject(value)) {
      context.report(`got ${describe(value)}; used {}`)
      return result
    }
    for (const [key, entry] of Object.entries(value)) {
      if (keeps(entry)) result[key] = entry as Value
      else context.report(`got ${describe(entry)} at ${key}; dropped it`)
    }
    return result
  }
}

/** An object read with its own schema; absent or null gives undefined. */
export function optionalObject<Shape>(schema: Schema<Shape>): FieldReader<Shape | undefined> {
  return optional((value, context) =>
    isObject(value) ? context.read(schema, value) : ignore(value, context),
  )
}
