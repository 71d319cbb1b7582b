import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { checkedFault } from './fault-check'
import { createFaultQueue } from './faults'
import { resolveOptions, type SimulatorOptions } from './options'
import { reject } from './rejects'
import { adminRoutes, createAdmin, type SimulatorAdmin } from './routes/admin'
import { handleRun } from './routes/agent'
import { handleCheckResume } from './routes/check-resume'
import { handleResume, handleRetryScene } from './routes/resume'
import { createState, type PersistedState } from './state'

export interface Simulator {
  /** A web-standard handler: give it to the SDK as `fetch`, to MSW, or to any server. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
  /** Users, credits, request counts, faults and jobs, for tests and demos. */
  admin: SimulatorAdmin
  /** Ends every open stream; the simulator answers nothing after. */
  close(): Promise<void>
  /** Saved users and jobs, for persistence. */
  exportState(): PersistedState
  importState(saved: PersistedState): void
  /** Calls back whenever users or jobs change. */
  onChange(listener: () => void): () => void
}

/**
 * A local kvidAI Agent API: the four endpoints, credits, one run per user, resumable jobs,
 * and faults staged on demand. Web standards only; runs in Node and in a browser page.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const resolved = resolveOptions(options)
  const state = createState(resolved)
  const faults = createFaultQueue()
  if (options.faults) faults.set(checkedFault(options.faults, 'faults'))
  const admin = createAdmin(state, faults)
  const deps = { state, options: resolved, faults }
  let closed = false

  const app = new Hono()
  app.use(
    '/api/*',
    cors({ origin: '*', allowHeaders: ['api-key', 'content-type'], allowMethods: ['GET', 'POST'] }),
  )
  app.post(AGENT_ROUTES.run, (c) => handleRun(c.req.raw, deps))
  app.post(AGENT_ROUTES.resume, (c) => handleResume(c.req.raw, deps))
  app.post(AGENT_ROUTES.retryScene, (c) => handleRetryScene(c.req.raw, deps))
  app.get(AGENT_ROUTES.checkResume, (c) => handleCheckResume(c.req.raw, state, resolved.wire))
  if (resolved.admin) app.route('/__sim', adminRoutes(admin, state, resolved.adminToken))
  app.get('/', (c) =>
    c.json({
      name: 'kvid-sim',
      profile: resolved.profile,
      endpoints: Object.values(AGENT_ROUTES),
    }),
  )
  app.notFound(() =>
    Response.json(
      { success: false, error: 'NOT_FOUND', message: 'No such route.', data: null },
      { status: 404 },
    ),
  )
  app.onError((error) => reject('INTERNAL_ERROR', error.message))

  return {
    async fetch(input, init) {
      const request = input instanceof Request && !init ? input : new Request(input, init)
      if (closed) return reject('INTERNAL_ERROR', 'The simulator is closed.')
      return app.fetch(request)
    },
    admin,
    async close() {
      closed = true
      for (const run of state.activeRuns.values()) run.cancel('simulator closed')
    },
    exportState: () => state.exportState(),
    importState: (saved) => state.importState(saved),
    onChange: (listener) => state.onChange(listener),
  }
}
