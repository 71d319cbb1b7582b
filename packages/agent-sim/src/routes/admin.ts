import { Hono } from 'hono'
import { FAULT_FIELDS, type Fault, type FaultQueue } from '../faults'
import type { SimulatorState } from '../state'

/** What the `/__sim/` surface and `simulator.admin` can do. */
export interface SimulatorAdmin {
  reset(): void
  setUser(
    email: string,
    change: { apiKey?: string; credits?: number; addCredits?: number },
  ): {
    email: string
    apiKey: string
    credits: number
  }
  getUser(email: string): { email: string; apiKey: string; credits: number } | undefined
  requests(): SimulatorState['counts']
  setFaults(fault: Fault): void
  clearFaults(): void
  faults(): Fault | null
  /** Runs whose streams are open now, one per user at most. */
  activeRuns(): Array<{ email: string; kind: string; jobId: string | null }>
  job(jobId: string): ReturnType<SimulatorState['jobs']['get']>
  jobs(): NonNullable<ReturnType<SimulatorState['jobs']['get']>>[]
}

export function createAdmin(state: SimulatorState, faults: FaultQueue): SimulatorAdmin {
  return {
    reset() {
      faults.clear()
      state.reset()
    },
    setUser(email, change) {
      const existing = state.users.get(email)
      const user = existing ?? {
        email,
        apiKey: change.apiKey ?? `kvid_sim_${email.replace(/[^a-z0-9]/gi, '_')}`,
        credits: 0,
      }
      if (change.apiKey !== undefined) user.apiKey = change.apiKey
      if (change.credits !== undefined) user.credits = change.credits
      if (change.addCredits !== undefined) user.credits += change.addCredits
      state.users.set(email, user)
      state.changed()
      return { ...user }
    },
    getUser(email) {
      const user = state.users.get(email)
      return user ? { ...user } : undefined
    },
    requests() {
      return structuredClone(state.counts)
    },
    setFaults(fault) {
      faults.set(fault)
    },
    clearFaults() {
      faults.clear()
    },
    faults() {
      return faults.peek()
    },
    activeRuns() {
      return [...state.activeRuns.values()].map(({ email, kind, jobId }) => ({
        email,
        kind,
        jobId,
      }))
    },
    job(jobId) {
      const job = state.jobs.get(jobId)
      return job ? structuredClone(job) : undefined
    },
    jobs() {
      return [...state.jobs.values()].map((job) => structuredClone(job))
    },
  }
}

function readFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null) return 'The fault must be a JSON object.'
  const unknown = Object.keys(input).filter(
    (key) => !(FAULT_FIELDS as readonly string[]).includes(key),
  )
  if (unknown.length > 0) return `Unknown fault fields: ${unknown.join(', ')}`
  return input as Fault
}

/** The admin HTTP surface under `/__sim/`. */
export function adminRoutes(admin: SimulatorAdmin): Hono {
  const routes = new Hono()
  routes.post('/reset', (c) => {
    admin.reset()
    return c.json({ success: true })
  })
  routes.get('/users/:email', (c) => {
    const user = admin.getUser(c.req.param('email'))
    return user ? c.json(user) : c.json({ success: false, error: 'USER_NOT_FOUND' }, 404)
  })
  routes.put('/users/:email', async (c) => {
    const change = await c.req.json().catch(() => null)
    if (typeof change !== 'object' || change === null) {
      return c.json({ success: false, error: 'invalid_input', message: 'Send a JSON object.' }, 400)
    }
    return c.json(admin.setUser(c.req.param('email'), change))
  })
  routes.get('/requests', (c) => c.json(admin.requests()))
  routes.get('/faults', (c) => c.json(admin.faults()))
  routes.post('/faults', async (c) => {
    const fault = readFault(await c.req.json().catch(() => null))
    if (typeof fault === 'string') {
      return c.json({ success: false, error: 'invalid_input', message: fault }, 400)
    }
    admin.setFaults(fault)
    return c.json({ success: true, faults: fault })
  })
  routes.delete('/faults', (c) => {
    admin.clearFaults()
    return c.json({ success: true })
  })
  routes.get('/runs', (c) => c.json(admin.activeRuns()))
  routes.get('/jobs', (c) => {
    const projectId = c.req.query('projectId')
    const jobs = admin.jobs()
    return c.json(
      projectId === undefined ? jobs : jobs.filter((job) => job.projectId === Number(projectId)),
    )
  })
  routes.get('/jobs/:jobId', (c) => {
    const job = admin.job(c.req.param('jobId'))
    return job ? c.json(job) : c.json({ success: false, error: 'JOB_NOT_FOUND' }, 404)
  })
  return routes
}
