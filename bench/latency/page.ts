// The browser side of figure 3: the SDK in proxy mode, one DOM row per event, and the
// wall-clock time (performance.timeOrigin + now) at which each event had fully reached the
// page (`arrived`: the response body handed over the chunk that completes it) and at which
// its row was in the DOM (`seen`). The gap between the two is what the SDK and the DOM add.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { stampResponse } from '../lib/stamp-events'

const now = () => performance.timeOrigin + performance.now()
const list = document.getElementById('events')!
const seen: number[] = []
const arrived: number[] = []
const client = createAgentClient({
  baseUrl: `${location.origin}/api/kvid`,
  fetch: async (input, init) => stampResponse(await fetch(input, init), arrived, now),
})
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
  arrived,
  outcome: outcome.reason,
}
