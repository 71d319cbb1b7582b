import { isObject } from '@kvidai/agent-protocol'

/** Fields a sparser server leaves out of `done.data`; it still sends the composition and any resume fields. */
const SPARSE_DONE_FIELDS = ['messageKey', 'messageParams', 'toolResults', 'tokenUsage', 'cost']

function without(record: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !fields.includes(field)))
}

/**
 * One event's payload as a sparser server sends it: what looks optional is left out,
 * and some values are odd but plausible (`field: null`, a string `projectId`).
 * Scene ids, job ids, the composition and the resume fields stay.
 */
export function sparsePayload(name: string, data: unknown): unknown {
  if (!isObject(data)) return data
  switch (name) {
    case 'plan_ready':
      return without(data, ['estimatedMinutes'])
    case 'scene_failed':
    case 'tool_end':
      return without(data, ['error'])
    case 'template_warning':
      return { ...data, field: null }
    case 'done': {
      if (!isObject(data.data)) return data
      const result = without(data.data, SPARSE_DONE_FIELDS)
      if ('projectId' in result) result.projectId = String(result.projectId)
      return { ...data, data: result }
    }
    default:
      return data
  }
}
