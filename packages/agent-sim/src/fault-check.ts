import { AGENT_REJECT_CODES } from '@kvidai/agent-protocol'
import { FAULT_FIELDS, type Fault } from './faults'
import { MAX_SCENES } from './instruction'
import { issuesError, type RequestIssue } from './request-limits'

/** The most events a counted fault may wait for. */
export const MAX_FAULT_EVENTS = 1_000_000
/** The longest `delayMs`: ten minutes. */
export const MAX_FAULT_DELAY_MS = 600_000

const COUNTED = new Set<string>([
  'cutAfterEvents',
  'stallAfterEvents',
  'malformedAfterEvents',
  'unknownEventAfterEvents',
])

function isWhole(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}

function fieldIssue(name: string, value: unknown): string | null {
  if (name === 'failScenes' || name === 'failVoices') {
    const fits =
      Array.isArray(value) &&
      value.length <= MAX_SCENES &&
      value.every((index) => isWhole(index, 0, MAX_SCENES - 1))
    return fits ? null : `must be an array of scene indexes from 0 to ${MAX_SCENES - 1}.`
  }
  if (COUNTED.has(name)) {
    return isWhole(value, 0, MAX_FAULT_EVENTS)
      ? null
      : `must be a whole number of events from 0 to ${MAX_FAULT_EVENTS}.`
  }
  if (name === 'delayMs') {
    const fits = typeof value === 'number' && Number.isFinite(value) && value >= 0
    return fits && value <= MAX_FAULT_DELAY_MS
      ? null
      : `must be a number of ms from 0 to ${MAX_FAULT_DELAY_MS}.`
  }
  if (name === 'reject') {
    return AGENT_REJECT_CODES.includes(value as never)
      ? null
      : `must be one of ${AGENT_REJECT_CODES.join(', ')}.`
  }
  return typeof value === 'boolean' ? null : 'must be true or false.'
}

/**
 * How a fault to stage is not one: not an object, a field the simulator does not know, or a
 * field of the wrong type or out of range. Empty when it is a fault. `undefined` fields are
 * as good as absent.
 */
export function faultIssues(input: unknown): RequestIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path: '', message: 'must be a JSON object.' }]
  }
  const issues: RequestIssue[] = []
  for (const [name, value] of Object.entries(input)) {
    if (!(FAULT_FIELDS as readonly string[]).includes(name)) {
      issues.push({ path: name, message: `is not a fault field (${FAULT_FIELDS.join(', ')}).` })
    } else if (value !== undefined) {
      const message = fieldIssue(name, value)
      if (message) issues.push({ path: name, message })
    }
  }
  return issues
}

/** The fault, checked; a `TypeError` listing its issues when it is not one. */
export function checkedFault(input: unknown, name = 'fault'): Fault {
  const issues = faultIssues(input)
  if (issues.length > 0) throw issuesError(name, issues)
  return input as Fault
}
