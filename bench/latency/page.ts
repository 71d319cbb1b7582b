// The browser side of figure 3: the SDK in proxy mode, one DOM row per event, and the
// wall-clock time (performance.timeOrigin + now) at which each row was in the DOM.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'

const now = () => performance.timeOrigin + performance.now()
const list = document.getElementById('events')!
const seen: number[] = []
const client = createAgentClient({ baseUrl: `${location.origin}/api/kvid` })
const store = createAgentRunStore({
  client,
  projectId: 1,
  onEvent: (event) => {
    const row = document.createElement('li')
    row.textContent = event.type
    list.append(row)
    seen.push(now())
  },
})
const scenes = Number(new URLSearchParams(location.search).get('scenes') ?? 60)
const outcome = await store.start({
  message: `An explainer about X in ${scenes} scenes`,
  composition: { tracks: [] },
})
;(window as unknown as { __latency: unknown }).__latency = {
  seen,
  outcome: outcome.reason,
  endedAt: now(),
}
