import type { RunAction } from '@kvidai/agent-core'

/** Actions the timeline highlights: something went wrong or needs the user. */
const NOTABLE = new Set([
  'warning',
  'insufficient_credit',
  'template_warning',
  'error',
  'command_refused',
  'scene_failed',
])

/** The name a timeline shows: the event's wire name, or the lifecycle step's type. */
export function actionType(action: RunAction): string {
  return action.type === 'unknown' ? action.name : action.type
}

export function isNotable(action: RunAction): boolean {
  return (
    NOTABLE.has(action.type) ||
    (action.type === 'request_ended' && action.outcome.reason !== 'done')
  )
}

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '').length

/** One line about an action: the scene, the tool, the size of a checkpoint. */
export function summarizeAction(action: RunAction): string {
  switch (action.type) {
    case 'tool_start':
    case 'tool_end':
      return action.data.toolName
    case 'plan_ready':
      return `${action.data.totalScenes} scenes, job ${action.data.jobId || '(same)'}`
    case 'scene_start':
      return `${action.data.sceneId} (#${action.data.sceneIndex})`
    case 'scene_complete':
      return action.data.sceneId
    case 'scene_failed':
      return `${action.data.sceneId}: ${action.data.error}`
    case 'checkpoint':
      return `${bytes(action.data.composition).toLocaleString('en')} bytes`
    case 'insufficient_credit':
      return `${action.data.completedScenes}/${action.data.totalScenes} scenes, ${action.data.remainingCredit} credits left`
    case 'template_warning':
      return `${action.data.field}: ${action.data.message}`
    case 'done':
      return action.data.success ? 'success' : `resumable: ${action.data.data.resumeJobId ?? 'no'}`
    case 'error':
      return action.data.error
    case 'request_sent':
      return action.request.kind === 'run'
        ? 'run'
        : `${action.request.kind} ${action.request.jobId}`
    case 'stall_changed':
      return action.stalled ? 'stalled' : 'flowing again'
    case 'warning':
      return action.warning.message
    case 'request_ended':
      return action.outcome.reason
    case 'command_refused':
      return action.error.message
    case 'reset':
      return `project ${action.projectId ?? '—'}`
    default:
      return ''
  }
}
