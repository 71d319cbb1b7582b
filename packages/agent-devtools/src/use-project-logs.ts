import type { AgentRunRegistry } from '@kvidai/agent-core'
import { useEffect, useState } from 'react'
import { type ActionLog, createActionLog } from './create-action-log'

/** How often the registry is asked for projects that got a store since. */
const PROJECTS_POLL_MS = 500

export interface ProjectLog {
  projectId: number
  log: ActionLog
}

/**
 * An action log for every project store the registry has made, each started when the
 * devtools mount (or when the store appears), whether the panel is open or not.
 */
export function useProjectLogs(registry: AgentRunRegistry): ProjectLog[] {
  const [logs, setLogs] = useState<ProjectLog[]>([])
  useEffect(() => {
    const made = new Map<number, ActionLog>()
    function sync() {
      const projects = registry.projects()
      if (projects.every((projectId) => made.has(projectId))) return
      for (const projectId of projects) {
        if (!made.has(projectId)) made.set(projectId, createActionLog(registry.store(projectId)))
      }
      setLogs([...made].map(([projectId, log]) => ({ projectId, log })))
    }
    sync()
    const timer = setInterval(sync, PROJECTS_POLL_MS)
    return () => {
      clearInterval(timer)
      for (const log of made.values()) log.close()
    }
  }, [registry])
  return logs
}
