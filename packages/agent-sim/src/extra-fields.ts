import type { CheckResumeResponse } from '@kvidai/agent-protocol'
import { isObject } from '@kvidai/agent-protocol'
import type { JobRecord } from './state'

/** What a chattier server stamps on every payload. */
export interface Stamp {
  runId: string
  /** The event's place in its stream, from 1. */
  sequence: number
  timestamp: number
}

/** The field every composition track and item gains; a value already there is left alone. */
const EDITOR_FIELD = 'editorMeta'

function tagged(entry: unknown): unknown {
  if (!isObject(entry) || EDITOR_FIELD in entry) return entry
  return { ...entry, [EDITOR_FIELD]: { revision: 1, source: 'agent' } }
}

/** A composition whose every track and item carries a field the reference does not name. */
export function compositionWithExtras(composition: unknown): unknown {
  if (!isObject(composition)) return composition
  const { tracks, items } = composition
  return {
    ...composition,
    ...(Array.isArray(tracks) ? { tracks: tracks.map(tagged) } : {}),
    ...(isObject(items)
      ? {
          items: Object.fromEntries(Object.entries(items).map(([id, item]) => [id, tagged(item)])),
        }
      : {}),
  }
}

function resultWithExtras(result: unknown, stamp: Stamp): unknown {
  if (!isObject(result)) return result
  return {
    runId: stamp.runId,
    finishedAt: stamp.timestamp,
    meta: { region: 'local', model: 'kvid-sim' },
    ...result,
    ...('composition' in result ? { composition: compositionWithExtras(result.composition) } : {}),
  }
}

/**
 * One event's payload with fields the reference does not name: at the top, in
 * `done.data`, and on every track and item of a composition. The named fields win
 * over any extra of the same name.
 */
export function payloadWithExtras(name: string, data: unknown, stamp: Stamp): unknown {
  if (!isObject(data)) return data
  return {
    timestamp: stamp.timestamp,
    runId: stamp.runId,
    meta: { sequence: stamp.sequence, server: 'kvid-sim' },
    ...data,
    ...('composition' in data ? { composition: compositionWithExtras(data.composition) } : {}),
    ...(name === 'done' && 'data' in data ? { data: resultWithExtras(data.data, stamp) } : {}),
  }
}

/** The check-resume answer with fields the reference does not name, at the top and in `data`. */
export function checkResumeWithExtras(
  body: CheckResumeResponse,
  job: JobRecord | undefined,
  timestamp: number,
): Record<string, unknown> {
  return {
    requestId: `req_${timestamp.toString(36)}`,
    timestamp,
    ...body,
    data:
      body.data && job
        ? { projectId: job.projectId, status: job.status, updatedAt: job.updatedAt, ...body.data }
        : body.data,
  }
}
