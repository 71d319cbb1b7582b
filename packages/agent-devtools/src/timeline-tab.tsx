import { rebuildRunState } from '@kvidai/agent-core'
import { useId, useMemo, useState, useSyncExternalStore } from 'react'
import { ACTION_LOG_LIMIT, type ActionLog } from './create-action-log'
import { downloadRecording, exportRecording } from './export-recording'
import { CompositionView, RunStateView, StateDiff } from './run-state-view'
import { actionType, isNotable, summarizeAction } from './summarize-action'

const ALL = 'all'

/** `12:34:56.789`, in the page's time zone. */
function clockTime(at: number): string {
  const date = new Date(at)
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}

interface TimelineTabProps {
  projectId: number
  log: ActionLog
}

/**
 * A run's actions since the devtools mounted (the latest 2,000), filtered by type, warnings
 * highlighted; the selected one shows the state right after it, what it changed, and the
 * composition then.
 */
export function TimelineTab({ projectId, log }: TimelineTabProps) {
  const view = useSyncExternalStore(log.subscribe, log.getView, log.getView)
  const [filter, setFilter] = useState(ALL)
  const [selected, setSelected] = useState<number | null>(null)
  const filterId = useId()
  const types = useMemo(
    () => [...new Set(view.entries.map((entry) => actionType(entry.action)))].sort(),
    [view.entries],
  )
  const shown = view.entries.filter(
    (entry) => filter === ALL || actionType(entry.action) === filter,
  )
  const index = view.entries.findIndex((entry) => entry.sequence === selected)

  return (
    <div data-part="split">
      <div>
        <div data-part="toolbar">
          <label htmlFor={filterId}>Type</label>
          <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
            <option value={ALL}>All types</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={view.entries.length === 0}
            onClick={() =>
              downloadRecording(
                exportRecording({ projectId, entries: view.entries, initial: view.initial }),
                `kvid-run-${projectId}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
              )
            }
          >
            Export recording
          </button>
        </div>
        <p data-part="muted">
          {view.entries.length} actions since the devtools opened; the latest{' '}
          {ACTION_LOG_LIMIT.toLocaleString('en')} are kept
          {view.dropped > 0 && ` (${view.dropped.toLocaleString('en')} older ones let go)`}.
        </p>
        {view.initial.status !== 'idle' && (
          <p data-part="muted">
            The log began mid-run (status {view.initial.status}): each state is rebuilt from the run
            as it was then.
          </p>
        )}
        {shown.length === 0 ? (
          <p data-part="muted">No actions yet.</p>
        ) : (
          <ol data-part="timeline" aria-label={`Actions of project ${projectId}`}>
            {shown.map((entry) => (
              <li key={entry.sequence}>
                <button
                  type="button"
                  aria-pressed={entry.sequence === selected}
                  data-type={actionType(entry.action)}
                  data-notable={isNotable(entry.action) ? '' : undefined}
                  onClick={() => setSelected(entry.sequence)}
                >
                  <span>{clockTime(entry.at)}</span>
                  <span>{actionType(entry.action)}</span>
                  <span>{summarizeAction(entry.action)}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div data-part="details">
        {index < 0 ? (
          <p data-part="muted">Select an action to see the run as it was right after it.</p>
        ) : (
          <ActionDetails view={view} index={index} />
        )}
      </div>
    </div>
  )
}

function ActionDetails({ view, index }: { view: ReturnType<ActionLog['getView']>; index: number }) {
  const before = rebuildRunState(view.entries.slice(0, index), view.initial)
  const after = rebuildRunState(view.entries.slice(index, index + 1), before)
  const entry = view.entries[index]
  return (
    <section aria-label="The run after the selected action" data-sequence={entry?.sequence}>
      <h3>After {entry ? actionType(entry.action) : ''}</h3>
      <RunStateView state={after} />
      <StateDiff before={before} after={after} />
      <h3>Composition then</h3>
      <CompositionView state={after} label="Composition" />
    </section>
  )
}
