import type { AgentRunRegistry } from '@kvidai/agent-core'
import { creditsReserved, creditsUsed, scenesDone, shortageLine } from './run-state-view'
import { useStoreState } from './use-store-state'

interface RunsTabProps {
  registry: AgentRunRegistry
  projects: number[]
  onSelect(projectId: number): void
}

/** Every project's run in the provider: which tab sends it, status, scenes, credits, warnings, stall. */
export function RunsTab({ registry, projects, onSelect }: RunsTabProps) {
  if (projects.length === 0) {
    return <p data-part="muted">No runs yet: nothing in this provider has used a project.</p>
  }
  return (
    <table data-part="runs">
      <caption>Runs in this provider</caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Tab</th>
          <th scope="col">Status</th>
          <th scope="col">Scenes done</th>
          <th scope="col">Credits reserved</th>
          <th scope="col">Credits used</th>
          <th scope="col">Shortage</th>
          <th scope="col">Warnings</th>
          <th scope="col">Stalled</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((projectId) => (
          <RunRow
            key={projectId}
            registry={registry}
            projectId={projectId}
            onSelect={() => onSelect(projectId)}
          />
        ))}
      </tbody>
    </table>
  )
}

function RunRow({
  registry,
  projectId,
  onSelect,
}: {
  registry: AgentRunRegistry
  projectId: number
  onSelect(): void
}) {
  const state = useStoreState(registry.store(projectId))
  return (
    <tr data-state={state.status} data-project={projectId}>
      <th scope="row">
        <button type="button" onClick={onSelect} aria-label={`Timeline of project ${projectId}`}>
          {projectId}
        </button>
      </th>
      <td data-part="owner">{registry.isMirroring(projectId) ? 'another tab' : 'this tab'}</td>
      <td>{state.status}</td>
      <td>{scenesDone(state)}</td>
      <td>{creditsReserved(state) ?? '—'}</td>
      <td>{creditsUsed(state) ?? '—'}</td>
      <td>{shortageLine(state)}</td>
      <td>{state.warnings.length + state.templateWarnings.length}</td>
      <td>{state.stalled ? 'yes' : 'no'}</td>
    </tr>
  )
}
