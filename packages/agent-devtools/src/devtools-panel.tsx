import { useAgentRegistry } from '@kvidai/agent-react'
import {
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { DEVTOOLS_STYLES } from './devtools-styles'
import { ReplayTab } from './replay-tab'
import { RunsTab } from './runs-tab'
import { TimelineTab } from './timeline-tab'
import { useProjectLogs } from './use-project-logs'

export interface KvidAgentDevtoolsProps {
  /** Whether the panel starts open. Default false: only the toggle button shows. */
  initialIsOpen?: boolean
  /** The corner of the toggle button. Default `bottom-right`. */
  position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'
  /** The panel's first height in pixels (the user can resize it). Default 320. */
  initialHeight?: number
}

const TABS = ['Runs', 'Timeline', 'Replay'] as const
type Tab = (typeof TABS)[number]

const MIN_HEIGHT = 160
const RESIZE_STEP = 24

/**
 * The agent devtools: a toggle button in a corner and a panel docked at the bottom of the
 * page, for every run in the surrounding `KvidAgentProvider`. The panel does not trap focus
 * (the page stays usable); Escape closes it and focus goes back to the toggle.
 */
export function DevtoolsPanel({
  initialIsOpen = false,
  position = 'bottom-right',
  initialHeight = 320,
}: KvidAgentDevtoolsProps) {
  const registry = useAgentRegistry()
  const logs = useProjectLogs(registry)
  const [open, setOpen] = useState(initialIsOpen)
  const [tab, setTab] = useState<Tab>('Runs')
  const [height, setHeight] = useState(initialHeight)
  const [projectId, setProjectId] = useState<number | null>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const tabs = useRef<Array<HTMLButtonElement | null>>([])
  const wasOpen = useRef(open)
  const id = useId()

  useEffect(() => {
    if (wasOpen.current && !open) toggle.current?.focus()
    if (!wasOpen.current && open) tabs.current[TABS.indexOf(tab)]?.focus()
    wasOpen.current = open
  }, [open, tab])

  const chosen = logs.find((each) => each.projectId === projectId) ?? logs[0]
  const maxHeight = () => Math.round((globalThis.innerHeight || 800) * 0.9)
  const resizeTo = (next: number) => setHeight(Math.min(maxHeight(), Math.max(MIN_HEIGHT, next)))

  function onTabKey(event: KeyboardEvent, index: number) {
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key]
    if (!move) return
    event.preventDefault()
    const next = (index + move + TABS.length) % TABS.length
    setTab(TABS[next] as Tab)
    tabs.current[next]?.focus()
  }

  function onResizeKey(event: KeyboardEvent) {
    const step = { ArrowUp: RESIZE_STEP, ArrowDown: -RESIZE_STEP }[event.key]
    if (!step) return
    event.preventDefault()
    resizeTo(height + step)
  }

  function onResizePointer(event: ReactPointerEvent<HTMLDivElement>) {
    const startY = event.clientY
    const startHeight = height
    const target = event.currentTarget
    target.setPointerCapture?.(event.pointerId)
    const move = (moved: PointerEvent) => resizeTo(startHeight + startY - moved.clientY)
    const up = () => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }

  return (
    <div data-kvid-devtools="" data-position={position} data-state={open ? 'open' : 'closed'}>
      <style>{DEVTOOLS_STYLES}</style>
      {!open && (
        <button
          ref={toggle}
          type="button"
          data-part="toggle"
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          Agent devtools
        </button>
      )}
      {open && (
        <section
          data-part="panel"
          aria-labelledby={`${id}-title`}
          style={{ height }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation()
              setOpen(false)
            }
          }}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter is a separator widget; <hr> cannot take focus or values. */}
          <div
            data-part="resize"
            role="separator"
            aria-orientation="horizontal"
            aria-label="Resize the devtools (arrow keys)"
            aria-valuenow={height}
            aria-valuemin={MIN_HEIGHT}
            aria-valuemax={maxHeight()}
            tabIndex={0}
            onKeyDown={onResizeKey}
            onPointerDown={onResizePointer}
          />
          <div data-part="header">
            <h2 id={`${id}-title`}>Agent devtools</h2>
            <div role="tablist" aria-label="Devtools views">
              {TABS.map((name, index) => (
                <button
                  key={name}
                  ref={(element) => {
                    tabs.current[index] = element
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${name}`}
                  aria-selected={tab === name}
                  aria-controls={`${id}-panel`}
                  tabIndex={tab === name ? 0 : -1}
                  onClick={() => setTab(name)}
                  onKeyDown={(event) => onTabKey(event, index)}
                >
                  {name}
                </button>
              ))}
            </div>
            {logs.length > 1 && tab === 'Timeline' && (
              <select
                aria-label="Project"
                value={chosen?.projectId}
                onChange={(event) => setProjectId(Number(event.target.value))}
              >
                {logs.map((each) => (
                  <option key={each.projectId} value={each.projectId}>
                    Project {each.projectId}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              data-part="close"
              aria-label="Close the devtools"
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </div>
          <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
            {tab === 'Runs' && (
              <RunsTab
                registry={registry}
                projects={logs.map((each) => each.projectId)}
                onSelect={(selected) => {
                  setProjectId(selected)
                  setTab('Timeline')
                }}
              />
            )}
            {tab === 'Timeline' &&
              (chosen ? (
                <TimelineTab key={chosen.projectId} projectId={chosen.projectId} log={chosen.log} />
              ) : (
                <p data-part="muted">No runs yet.</p>
              ))}
            {tab === 'Replay' && <ReplayTab />}
          </div>
        </section>
      )}
    </div>
  )
}
