import type { RunStatus } from '@kvidai/agent-core'

export function isRunningStatus(status: RunStatus): boolean {
  return status === 'submitting' || status === 'streaming'
}
