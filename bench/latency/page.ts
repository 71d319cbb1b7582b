// The browser side of figure 3: the SDK in proxy mode, one DOM row per event, and the
// wall-clock time (performance.timeOrigin + now) at which each event's bytes reached the
// page (`arrived`, stamped as the response body hands them over) and at which its row was
// in the DOM (`seen`). The gap between the two is what the SDK and the DOM add.
import { createAgentClient, createAgentRunStore } from '@kvidai/agent-core'
import { stampEvents } from '../lib/stamp-events'

const now = () => performance.timeOrigin + performance.now()
const list = document.getElementById('events')!
const seen: number[] = []
const arrived: number[] = []
const client = createAgentClient({
  baseUrl: `${location.origin}/api/kvid`,
  fetch: async (input, init) => {
    const response = await fetch(input, init)
    if (!response.body) return response
    const body = stampEvents(response.body, arrived, now)
    return new Response(body, { status: response.status, headers: response.headers })
  },
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
  endedAt: now(),
}
