import { type AgentRunState, selectCreditShortage, selectProgress } from '@kvidai/agent-core'
import { useState } from 'react'
import { scrubSecrets } from './scrub-secrets'

const DASH = '—'

/** Credits a finished run reports having used: the run's cost, else its token usage. */
export function creditsUsed(state: AgentRunState): number | null {
  return state.result?.cost?.total ?? state.result?.tokenUsage?.creditCost ?? null
}

/** What a refused request would have reserved (the server says so only when it refuses). */
export function creditsReserved(state: AgentRunState): number | null {
  return selectCreditShortage(state).figures.required
}

/** Scenes done out of total, as the runs table and a rewound state show them. */
export function scenesDone(state: AgentRunState): string {
  const progress = selectProgress(state)
  return `${progress.completed}/${progress.total}`
}

/** A shortage or refusal in one line: the balance, and what more scenes would need. */
export function shortageLine(state: AgentRunState): string {
  const shortage = selectCreditShortage(state)
  if (!shortage.trigger) return DASH
  const { remainingCredit, neededCredits } = shortage.figures
  return `${shortage.trigger}: ${remainingCredit ?? '?'} left, ${neededCredits ?? '?'} needed`
}

/** What a rewound (or replayed) run looked like: status, scenes, credits, warnings, stall. */
export function RunStateView({ state }: { state: AgentRunState }) {
  return (
    <dl data-part="state" data-state={state.status}>
      <dt>Status</dt>
      <dd data-part="status">{state.status}</dd>
      <dt>Scenes done</dt>
      <dd>{scenesDone(state)}</dd>
      <dt>Credits reserved</dt>
      <dd>{creditsReserved(state) ?? DASH}</dd>
      <dt>Credits used</dt>
      <dd>{creditsUsed(state) ?? DASH}</dd>
      <dt>Shortage</dt>
      <dd data-part="shortage">{shortageLine(state)}</dd>
      <dt>Warnings</dt>
      <dd>{state.warnings.length + state.templateWarnings.length}</dd>
      <dt>Stalled</dt>
      <dd>{state.stalled ? 'yes' : 'no'}</dd>
    </dl>
  )
}

/** The composition at a point: its track and item counts, with its JSON on demand. */
export function CompositionView({ state, label }: { state: AgentRunState; label: string }) {
  const [showJson, setShowJson] = useState(false)
  const { composition } = state
  if (!composition) return <p data-part="muted">No composition yet.</p>
  const items = Object.keys(composition.items ?? {}).length
  return (
    <div data-part="composition">
      <p>
        {composition.tracks.length} tracks, {items} items
      </p>
      <button type="button" aria-expanded={showJson} onClick={() => setShowJson(!showJson)}>
        {showJson ? 'Hide' : 'Show'} {label} JSON
      </button>
      {showJson && (
        <pre data-part="json" data-label={label}>
          {JSON.stringify(scrubSecrets(composition), null, 2)}
        </pre>
      )}
    </div>
  )
}

const shortJson = (value: unknown) => {
  const text = JSON.stringify(scrubSecrets(value)) ?? 'undefined'
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

/** The top-level fields an action changed (the state shares every field it left alone). */
export function StateDiff({ before, after }: { before: AgentRunState; after: AgentRunState }) {
  const changed = (Object.keys(after) as Array<keyof AgentRunState>).filter(
    (key) => !Object.is(before[key], after[key]),
  )
  if (changed.length === 0) return <p data-part="muted">This action changed nothing.</p>
  return (
    <table data-part="diff">
      <caption>Fields this action changed</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((key) => (
          <tr key={key} data-field={key}>
            <th scope="row">{key}</th>
            <td>{shortJson(before[key])}</td>
            <td>{shortJson(after[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
