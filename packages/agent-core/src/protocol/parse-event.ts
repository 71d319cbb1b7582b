import type {
  AgentEvent,
  AgentEventMap,
  AgentEventType,
  AgentWarningListener,
  DoneResult,
  RunCost,
  TokenUsage,
  ToolResult,
  UnknownAgentEvent,
} from '@kvidai/agent-protocol'
import {
  type Composition,
  type CompositionInput,
  isObject,
  normalizeComposition,
  STREAM_LIMITS,
} from '@kvidai/agent-protocol'
import { AgentProtocolError } from '../errors/agent-errors'
import {
  count,
  describe,
  type FieldReader,
  flag,
  isNumber,
  map,
  number,
  optional,
  optionalObject,
  optionalText,
  readPayload,
  type Schema,
  text,
  UNUSABLE,
} from './payload-reader'

/** A scene id the board can key on; without one the event is skipped. */
const sceneId: FieldReader<string> = (value, context) => {
  if (typeof value === 'string' && value !== '') return value
  context.report(`got ${describe(value)}; skipped the event`)
  throw UNUSABLE
}

/** A scene's position; -1 (placed last) when the server gave none that is usable. */
const sceneIndex: FieldReader<number> = (value, context) => {
  if (
    Number.isSafeInteger(value) &&
    (value as number) >= 0 &&
    (value as number) < STREAM_LIMITS.scenesMax
  ) {
    return value as number
  }
  context.report(`got ${describe(value)}; placed the scene last`)
  return -1
}

function composition(required: boolean): FieldReader<Composition | null> {
  return (value, context) => {
    if (isObject(value) && Array.isArray(value.tracks)) {
      return normalizeComposition(value as CompositionInput)
    }
    context.report(`got ${describe(value)} without tracks; kept the last composition`)
    if (required) throw UNUSABLE
    return null
  }
}

const projectId: FieldReader<number | null> = (value, context) => {
  if (Number.isSafeInteger(value)) return value as number
  const digits = typeof value === 'string' && /^\d{1,15}$/.test(value)
  context.report(`got ${describe(value)}; ${digits ? 'read it as a number' : 'kept the run’s'}`)
  return digits ? Number(value) : null
}

const toolResults: FieldReader<ToolResult[]> = (value, context) => {
  if (Array.isArray(value)) return value.filter(isObject) as ToolResult[]
  context.report(`got ${describe(value)}; used []`)
  return []
}

/**
 * Every event's payload, field by field, typed against `AgentEventMap`. Made on first use,
 * so an app that never reads a stream carries none of it after tree-shaking.
 */
function createSchemas() {
  const scenesMax = STREAM_LIMITS.scenesMax
  const TOKEN_USAGE = {
    inputTokens: number(0),
    outputTokens: number(0),
    creditCost: number(0),
  } satisfies Schema<TokenUsage>

  const COST = {
    runId: text(''),
    total: number(0),
    breakdown: map<number>(isNumber),
    rowCount: number(0),
    pendingCount: number(0),
  } satisfies Schema<RunCost>

  const DONE_RESULT = {
    message: text(''),
    messageKey: optionalText,
    messageParams: optional(
      map<string | number>((entry) => typeof entry === 'string' || isNumber(entry)),
    ),
    composition: composition(false),
    toolResults,
    projectId,
    resumeJobId: optionalText,
    remainingScenes: optional(count(scenesMax)),
    totalScenes: optional(count(scenesMax)),
    tokenUsage: optionalObject(TOKEN_USAGE),
    cost: optionalObject(COST),
  } satisfies Schema<DoneResult>

  /** The result under `data`; or, when the server put it beside `success`, the payload itself. */
  const doneResult: FieldReader<DoneResult> = (value, context) => {
    if (isObject(value)) return context.read(DONE_RESULT, value)
    const beside = 'composition' in context.payload
    context.report(`got ${describe(value)}; read ${beside ? 'the fields beside it' : '{}'}`)
    return context.read(DONE_RESULT, beside ? context.payload : {})
  }

  return {
    tool_start: { toolUseId: text(''), toolName: text('') },
    tool_end: {
      toolUseId: text(''),
      toolName: text(''),
      // Without a word on success, a tool that reports no error succeeded.
      success: flag((payload) => payload.error == null),
      error: optionalText,
    },
    plan_ready: { jobId: text(''), totalScenes: count(scenesMax), estimatedMinutes: number(0) },
    scene_start: { sceneId, sceneIndex },
    scene_complete: { sceneId, voiceError: optionalText },
    scene_failed: { sceneId, error: text('') },
    checkpoint: { composition: composition(true) as FieldReader<Composition> },
    insufficient_credit: {
      completedScenes: count(scenesMax),
      totalScenes: count(scenesMax),
      remainingCredit: number(0),
      estPerScene: number(0),
    },
    template_warning: { severity: text('warning'), field: text(''), message: text('') },
    done: {
      // Without a word on success, a run with scenes left did not succeed.
      success: flag(
        (payload) => !(isObject(payload.data) && Number(payload.data.remainingScenes) > 0),
      ),
      data: doneResult,
    },
    error: { error: text('The agent reported an error without a message.') },
    heartbeat: {},
  } satisfies { [Type in AgentEventType]: Schema<AgentEventMap[Type]> }
}

let schemas: ReturnType<typeof createSchemas> | undefined
const getSchemas = () => {
  schemas ??= createSchemas()
  return schemas
}

/**
 * An event's data read as the stream reader reads it: safe defaults for what is off, null
 * when it cannot be used. For data that did not come off the wire just now, such as a
 * snapshot restored from storage.
 */
export function readEventData<Type extends AgentEventType>(
  type: Type,
  data: unknown,
  warn: AgentWarningListener = () => {},
): AgentEventMap[Type] | null {
  if (!isObject(data)) return null
  try {
    return readPayload(
      getSchemas()[type] as unknown as Schema<AgentEventMap[Type]>,
      data,
      type,
      warn,
    )
  } catch (error) {
    if (error === UNUSABLE) return null
    throw error
  }
}

/** The data as JSON: `{}` when there is none, undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  if (text === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Turns one SSE message into a typed event, leniently. Unknown names pass on as
 * `{ type: 'unknown' }` and heartbeats as `{ type: 'heartbeat' }`, whatever their data.
 * A known event with odd fields gets safe defaults, each oddity reported through `warn`;
 * one that cannot be used at all (no scene id, data that is not an object) is reported
 * and gives null. Only a `done` whose data is not JSON throws an `AgentProtocolError`:
 * the run has ended, but its result is lost.
 */
export function parseAgentEvent(
  name: string,
  text: string,
  warn: AgentWarningListener = () => {},
): AgentEvent | UnknownAgentEvent | null {
  if (name === 'heartbeat') return { type: 'heartbeat', data: {} }
  const data = parseJson(text)
  const schemas = getSchemas()
  if (!Object.hasOwn(schemas, name)) {
    return { type: 'unknown', name, data: data === undefined ? text : data }
  }
  const type = name as AgentEventType
  if (!isObject(data)) {
    const found = data === undefined ? 'not JSON' : describe(data)
    if (type === 'done') {
      throw new AgentProtocolError({
        code: 'UNREADABLE_DONE',
        event: name,
        data: text.slice(0, 1000),
        message: `The done event's data is ${found}: the run ended, but its result is lost. The last checkpoint is kept.`,
      })
    }
    const error = type === 'error'
    warn({
      event: name,
      field: 'data',
      message: `${found}; ${error ? 'read it as the message' : 'skipped the event'}`,
    })
    return error ? { type, data: { error: typeof data === 'string' ? data : text } } : null
  }
  const read = readEventData(type, data, warn)
  return read && ({ type, data: read } as AgentEvent)
}
