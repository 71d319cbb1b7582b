import { AgentProtocolError } from '../errors/agent-errors'
import { type Composition, type CompositionInput, normalizeComposition } from './composition'
import type {
  AgentEvent,
  AgentEventMap,
  AgentEventType,
  DoneResult,
  RunCost,
  TokenUsage,
  ToolResult,
  UnknownAgentEvent,
} from './events'
import { STREAM_LIMITS } from './limits'
import { createPayloadReader, type Fields, isObject, type PayloadReader } from './payload-reader'
import type { AgentWarningListener } from './warnings'

const { scenesMax } = STREAM_LIMITS
const NOT_JSON = Symbol('not JSON')

type EventReader<Type extends AgentEventType> = (
  read: PayloadReader,
  warn: AgentWarningListener,
) => AgentEventMap[Type] | null

/** A scene id the board can key on; without one the event is ignored. */
function sceneId(read: PayloadReader): string | null {
  const value = read.payload.sceneId
  if (typeof value === 'string' && value !== '') return value
  read.report('sceneId', 'missing or not a non-empty string; ignored the event')
  return null
}

function sceneIndex(read: PayloadReader): number {
  const value = read.payload.sceneIndex
  if (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < scenesMax) {
    return value as number
  }
  read.report('sceneIndex', `expected a whole number below ${scenesMax}; placed the scene last`)
  return -1
}

function composition(read: PayloadReader): Composition | null {
  const value = read.payload.composition
  if (isObject(value) && Array.isArray(value.tracks)) {
    return normalizeComposition(value as CompositionInput)
  }
  read.report('composition', 'not a composition with a tracks array; kept the last one')
  return null
}

/** A map of numbers or strings, without a prototype, so no key can mean anything else. */
function flatMap<Value>(
  read: PayloadReader,
  field: string,
  keep: (value: unknown) => value is Value,
): Record<string, Value> | undefined {
  const value = read.optionalObject(field)
  if (!value) return undefined
  const map: Record<string, Value> = Object.create(null)
  for (const [key, entry] of Object.entries(value)) {
    if (keep(entry)) map[key] = entry
    else read.report(`${field}.${key}`, 'not a plain number or string; dropped it')
  }
  return map
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const isParameter = (value: unknown): value is string | number =>
  typeof value === 'string' || isNumber(value)

function projectId(read: PayloadReader): number | null {
  const value = read.payload.projectId
  if (Number.isSafeInteger(value)) return value as number
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) {
    read.report('projectId', 'a string of digits; read it as a number')
    return Number(value)
  }
  read.report('projectId', "not a project id; kept the run's project")
  return null
}

function toolResults(read: PayloadReader): ToolResult[] {
  const value = read.payload.toolResults
  if (Array.isArray(value)) return value.filter(isObject) as ToolResult[]
  read.report('toolResults', 'not an array; used []')
  return []
}

function tokenUsage(read: PayloadReader, warn: AgentWarningListener): TokenUsage | undefined {
  const value = read.optionalObject('tokenUsage')
  if (!value) return undefined
  const usage = createPayloadReader('done', value, warn, 'data.tokenUsage.')
  return {
    inputTokens: usage.number('inputTokens', 0),
    outputTokens: usage.number('outputTokens', 0),
    creditCost: usage.number('creditCost', 0),
  }
}

function cost(read: PayloadReader, warn: AgentWarningListener): RunCost | undefined {
  const value = read.optionalObject('cost')
  if (!value) return undefined
  const cost = createPayloadReader('done', value, warn, 'data.cost.')
  if (value.breakdown == null) cost.report('breakdown', 'missing; used {}')
  return {
    ...value,
    runId: cost.text('runId', ''),
    total: cost.number('total', 0),
    breakdown: flatMap(cost, 'breakdown', isNumber) ?? Object.create(null),
    rowCount: cost.number('rowCount', 0),
    pendingCount: cost.number('pendingCount', 0),
  }
}

function doneResult(read: PayloadReader, warn: AgentWarningListener): DoneResult {
  let payload = read.payload.data
  if (!isObject(payload)) {
    const flat = 'composition' in read.payload
    read.report(
      'data',
      flat ? 'missing; read the result beside it' : 'missing; used an empty result',
    )
    payload = flat ? read.payload : {}
  }
  const data = createPayloadReader('done', payload as Fields, warn, 'data.')
  return {
    ...(payload as Fields),
    message: data.text('message', ''),
    messageKey: data.optionalText('messageKey'),
    messageParams: flatMap(data, 'messageParams', isParameter),
    composition: composition(data),
    toolResults: toolResults(data),
    projectId: projectId(data),
    resumeJobId: data.optionalText('resumeJobId'),
    remainingScenes: data.optionalCount('remainingScenes', scenesMax),
    totalScenes: data.optionalCount('totalScenes', scenesMax),
    tokenUsage: tokenUsage(data, warn),
    cost: cost(data, warn),
  }
}

/**
 * A `done` result read as the stream reader reads it: safe defaults for what is off. For a
 * result that did not come off the wire just now, such as one restored from storage.
 */
export function readDoneResult(value: unknown, warn: AgentWarningListener = () => {}): DoneResult {
  return doneResult(createPayloadReader('done', { data: value }, warn), warn)
}

/** How each event's payload is read: typed against `AgentEventMap`, one reader per event. */
const READERS = {
  tool_start(read) {
    const toolName = read.text('toolName', 'unknown')
    return { ...read.payload, toolUseId: read.text('toolUseId', toolName), toolName }
  },
  tool_end(read) {
    const toolName = read.text('toolName', 'unknown')
    const error = read.optionalText('error')
    return {
      ...read.payload,
      toolUseId: read.text('toolUseId', toolName),
      toolName,
      success: read.flag('success', error === undefined),
      error,
    }
  },
  plan_ready: (read) => ({
    ...read.payload,
    jobId: read.text('jobId', ''),
    totalScenes: read.count('totalScenes', scenesMax, 0),
    estimatedMinutes: read.number('estimatedMinutes', 0),
  }),
  scene_start(read) {
    const id = sceneId(read)
    return id === null ? null : { ...read.payload, sceneId: id, sceneIndex: sceneIndex(read) }
  },
  scene_complete(read) {
    const id = sceneId(read)
    return id === null
      ? null
      : { ...read.payload, sceneId: id, voiceError: read.optionalText('voiceError') }
  },
  scene_failed(read) {
    const id = sceneId(read)
    return id === null ? null : { ...read.payload, sceneId: id, error: read.text('error', '') }
  },
  checkpoint(read) {
    const value = composition(read)
    return value === null ? null : { ...read.payload, composition: value }
  },
  insufficient_credit: (read) => ({
    ...read.payload,
    completedScenes: read.count('completedScenes', scenesMax, 0),
    totalScenes: read.count('totalScenes', scenesMax, 0),
    remainingCredit: read.number('remainingCredit', 0),
    estPerScene: read.number('estPerScene', 0),
  }),
  template_warning: (read) => ({
    ...read.payload,
    severity: read.text('severity', 'warning'),
    field: read.text('field', ''),
    message: read.text('message', ''),
  }),
  done(read, warn) {
    const result = doneResult(read, warn)
    const unfinished = (result.remainingScenes ?? 0) > 0
    return { ...read.payload, success: read.flag('success', !unfinished), data: result }
  },
  error: (read) => ({
    ...read.payload,
    error: read.text('error', 'The agent reported an error without a message.'),
  }),
  heartbeat: () => ({}),
} satisfies { [Type in AgentEventType]: EventReader<Type> }

function parseJson(text: string): unknown {
  if (text === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    return NOT_JSON
  }
}

function kindOf(data: unknown): string {
  if (data === NOT_JSON) return 'not JSON'
  return Array.isArray(data) ? 'an array' : data === null ? 'null' : `a ${typeof data}`
}

/**
 * Turns one SSE message into a typed event, leniently. Unknown names pass on as
 * `{ type: 'unknown' }` and heartbeats as `{ type: 'heartbeat' }`, whatever their data.
 * A known event with odd fields gets safe defaults, each oddity reported through `warn`;
 * one that cannot be used at all (no scene id, data that is not an object) is reported
 * and gives null. Only a `done` whose data cannot be read at all throws an
 * `AgentProtocolError`: the run has ended, but its result is lost.
 */
export function parseAgentEvent(
  name: string,
  text: string,
  warn: AgentWarningListener = () => {},
): AgentEvent | UnknownAgentEvent | null {
  if (name === 'heartbeat') return { type: 'heartbeat', data: {} }
  const data = parseJson(text)
  if (!Object.hasOwn(READERS, name)) {
    return { type: 'unknown', name, data: data === NOT_JSON ? text : data }
  }
  const type = name as AgentEventType
  if (!isObject(data)) {
    if (type === 'error') {
      warn({ event: name, field: 'data', message: `${kindOf(data)}; read it as the message` })
      return { type, data: { error: typeof data === 'string' ? data : text } }
    }
    if (type === 'done') {
      throw new AgentProtocolError({
        code: 'UNREADABLE_DONE',
        event: name,
        data: text.slice(0, 1000),
        message: `The done event's data is ${kindOf(data)}: the run ended, but its result could not be read. The last checkpoint is kept.`,
      })
    }
    warn({ event: name, field: 'data', message: `${kindOf(data)}; ignored the event` })
    return null
  }
  const reader = READERS[type] as EventReader<AgentEventType>
  const value = reader(createPayloadReader(name, data, warn), warn)
  return value === null ? null : ({ type, data: value } as AgentEvent)
}
