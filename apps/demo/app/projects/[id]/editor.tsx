'use client'

import type { AgentEvent, Locale, UnknownAgentEvent } from '@kvidai/agent-core'
// The demo is a production build that shows the devtools on purpose: their default entry
// renders nothing in production, the production entry renders the panel.
import { KvidAgentDevtools } from '@kvidai/agent-devtools/production'
import { KvidAgentProvider, useAgentRun, useAgentStore } from '@kvidai/agent-react'
import {
  AgentErrorNotice,
  AgentPrompt,
  CompositionTimeline,
  CreditShortageDialog,
  KvidMessagesProvider,
  ResumeButton,
  RunStatus,
  SceneProgressBoard,
  StopButton,
  TemplateWarnings,
  ToolActivity,
} from '@kvidai/agent-ui'
import { es } from '@kvidai/agent-ui/locales/es'
import { ko } from '@kvidai/agent-ui/locales/ko'
import { useState } from 'react'

/** English is built in; these are the picker's other languages. */
const CATALOGS = { ko, es }

const TEMPLATES = ['system_default', 'sod', 'review-owl', 'legacy-voice']

async function demo(action: string, body: object = {}) {
  await fetch(`/api/demo/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

export function Editor({ projectId, demoMode }: { projectId: number; demoMode: boolean }) {
  const [locale, setLocale] = useState<Locale>('en')
  return (
    // Open the project in two tabs: one runs, the other mirrors it live (crossTab, on by
    // default). A run that ends while its tab is hidden badges the tab's title, and shows a
    // notification if this site already may (the SDK never asks).
    <KvidAgentProvider baseUrl="/api/kvid" projectId={projectId} locale={locale} titleBadge notify>
      <KvidMessagesProvider catalogs={CATALOGS}>
        <main className="demo" data-kvid-theme="light">
          <header className="demo-header">
            <h1>Project {projectId}</h1>
            <label>
              Language{' '}
              <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
                <option value="en">English</option>
                <option value="ko">한국어</option>
                <option value="es">Español</option>
              </select>
            </label>
          </header>
          <Workspace demoMode={demoMode} />
        </main>
        <KvidAgentDevtools />
      </KvidMessagesProvider>
    </KvidAgentProvider>
  )
}

interface LoggedEvent {
  at: number
  name: string
  summary: string
}

function summarize(event: AgentEvent | UnknownAgentEvent): string {
  if (event.type === 'checkpoint')
    return `${Object.keys(event.data.composition.items).length} items`
  if (event.type === 'done') return event.data.data.message
  if (event.type === 'unknown') return event.name
  return JSON.stringify(event.data)
}

function Workspace({ demoMode }: { demoMode: boolean }) {
  const [template, setTemplate] = useState(TEMPLATES[0] as string)
  // The run store keeps the latest composition, through reloads too: read it at submit.
  const store = useAgentStore()

  return (
    <div className="demo-grid">
      <section className="demo-main" aria-label="Editor">
        <label className="demo-template">
          Template{' '}
          <select value={template} onChange={(event) => setTemplate(event.target.value)}>
            {TEMPLATES.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
            <option value="no-such-template">no-such-template</option>
          </select>
        </label>
        <AgentPrompt
          composition={() => store.getState().composition ?? { tracks: [] }}
          templateId={template}
        />
        <AgentErrorNotice />
        <RunStatus />
        <ResumeButton />
        <StopButton />
        <SceneProgressBoard />
        <CompositionTimeline />
        <TemplateWarnings />
        <CreditShortageDialog
          onTopUp={
            demoMode
              ? (event) => {
                  event.preventDefault()
                  void demo('top-up', { credits: 200 })
                }
              : undefined
          }
        />
      </section>
      <aside className="demo-side">
        {demoMode && (
          <section aria-label="Simulator controls" className="demo-controls">
            <h2>Simulator</h2>
            <button type="button" onClick={() => demo('faults', { failScenes: [1] })}>
              Fail scene 2 on the next run
            </button>
            <button type="button" onClick={() => demo('credits', { credits: 35 })}>
              Set credits to 35
            </button>
            <button type="button" onClick={() => demo('top-up', { credits: 200 })}>
              Add 200 credits
            </button>
          </section>
        )}
        <ToolActivity />
        <EventLog />
      </aside>
    </div>
  )
}

/** The stream as it arrives; its own component, so an event re-renders only the log. */
function EventLog() {
  const [log, setLog] = useState<LoggedEvent[]>([])
  useAgentRun({
    onEvent: (event) =>
      setLog((entries) =>
        [
          ...entries,
          {
            at: (entries.at(-1)?.at ?? -1) + 1,
            name: event.type === 'unknown' ? event.name : event.type,
            summary: summarize(event),
          },
        ].slice(-200),
      ),
  })
  return (
    <section aria-label="Event log" className="demo-log">
      <h2>Events</h2>
      <ol>
        {log.map((entry) => (
          <li key={entry.at} data-event={entry.name}>
            <code>{entry.name}</code> {entry.summary.slice(0, 120)}
          </li>
        ))}
      </ol>
    </section>
  )
}
