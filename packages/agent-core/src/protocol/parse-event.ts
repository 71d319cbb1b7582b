import { AgentProtocolError } from '../errors/agent-errors'
import { normalizeComposition } from './composition'
import {
  AGENT_EVENT_TYPES,
  type AgentEvent,
  type AgentEventType,
  type UnknownAgentEvent,
} from './events'

/**
 * Field checks per event, written compactly: `name:kind`, where kind is `s` string,
 * `n` number, `b` boolean, `o` object, `a` array, `c` composition; a trailing `?` makes the
 * field optional (absent or null).
 */
const SHAPES: Record<AgentEventType, string> = {
  tool_start: 'toolUseId:s toolName:s',
  tool_end: 'toolUseId:s toolName:s success:b error:s?',
  plan_ready: 'jobId:s totalScenes:n estimatedMinutes:n',
  scene_start: 'sceneId:s sceneIndex:n',
  scene_complete: 'sceneId:s voiceError:s?',
  scene_failed: 'sceneId:s error:s',
  checkpoint: 'composition:c',
  insufficient_credit: 'completedScenes:n totalScenes:n remainingCredit:n estPerScene:n',
  template_warning: 'severity:s field:s message:s',
  done: 'success:b data:o',
  error: 'error:s',
  heartbeat: '',
}

const DONE_DATA =
  'message:s composition:c toolResults:a projectId:n messageKey:s? messageParams:o? resumeJobId:s? remainingScenes:n? totalScenes:n? tokenUsage:o? cost:o?'

type Fields = Record<string, unknown>

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return '-'
  if (Array.isArray(value)) return 'a'
  if (isObject(value)) return Array.isArray(value.tracks) ? 'c' : 'o'
  return (typeof value)[0] as string
}

/** The first field that breaks the shape, as `field (expected kind)`; or undefined. */
function mismatch(value: Fields, shape: string, prefix = ''): string | undefined {
  for (const spec of shape.split(' ')) {
    const [field, kind] = spec.split(':') as [string, string]
    const found = value[field]
    if (kind.endsWith('?') && found == null) continue
    const actual = kindOf(found)
    const expected = kind[0]
    if (actual === expected || (expected === 'o' && actual === 'c')) continue
    return `${prefix}${field}`
  }
  return undefined
}

/** Fills in the payload's composition, in place: the payload is this parse's own object. */
function normalizeIn(value: Fields) {
  if (isObject(value.composition))
    value.composition = normalizeComposition(value.composition as never)
}

/**
 * Turns one SSE message into a typed event. An unknown event name is passed on as
 * `{ type: 'unknown' }`; a known name with a payload that breaks the protocol throws
 * `AgentProtocolError`.
 */
export function parseAgentEvent(name: string, text: string): AgentEvent | UnknownAgentEvent {
  let data: unknown
  try {
    data = text === '' ? {} : JSON.parse(text)
  } catch {
    throw new AgentProtocolError(name, text, `The ${name} event's data is not JSON.`)
  }
  if (!(AGENT_EVENT_TYPES as readonly string[]).includes(name))
    return { type: 'unknown', name, data }
  const type = name as AgentEventType
  if (type === 'heartbeat') return { type, data: isObject(data) ? data : {} }
  const bad = !isObject(data)
    ? 'data'
    : (mismatch(data, SHAPES[type]) ??
      (type === 'done' ? mismatch(data.data as Fields, DONE_DATA, 'data.') : undefined))
  if (bad) {
    throw new AgentProtocolError(
      name,
      text,
      `The ${name} event has a missing or wrong-typed ${bad}.`,
    )
  }
  normalizeIn(data as Fields)
  if (type === 'done') normalizeIn((data as Fields).data as Fields)
  return { type, data } as AgentEvent
}
