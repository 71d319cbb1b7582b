import { Hono } from 'hono'
import { adminRefusal } from '../admin-guard'
import { checkedFault, faultIssues } from '../fault-check'
import type { Fault, FaultQueue } from '../faults'
import { readLimitedBody } from '../read-body'
import { bodyTooLarge, invalidInput } from '../rejects'
import { issuesError } from '../request-limits'
import type { SimulatorState } from '../state'
import { emailIssues, type UserChange, userChangeIssues } from '../user-check'

/** What the `/__sim/` surface and `simulator.admin` can do. */
export interface SimulatorAdmin {
  reset(): void
  setUser(
    email: string,
    change: UserChange,
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

/** The email of the user holding `apiKey`, if any. */
function keyOwner(state: SimulatorState) {
  return (apiKey: string) => state.findUserByKey(apiKey)?.email
}

/** Why a user change may not be made; empty when it may. */
export function userIssues(state: SimulatorState, email: unknown, change: unknown) {
  const current = typeof email === 'string' ? state.users.get(email) : undefined
  return [...emailIssues(email), ...userChangeIssues(change, current, keyOwner(state))]
}

/**
 * The admin operations. `setUser` and `setFaults` check their input as the HTTP surface
 * does, and throw a `TypeError` that lists what is wrong.
 */
export function createAdmin(state: SimulatorState, faults: FaultQueue): SimulatorAdmin {
  return {
    reset() {
      faults.clear()
      state.reset()
    },
    setUser(email, change) {
      const issues = userIssues(state, email, change)
      if (issues.length > 0) throw issuesError('user', issues)
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
      faults.set(checkedFault(fault))
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

/** The largest admin body read: users and faults are a few fields. */
const ADMIN_BODY_BYTES = 64 * 1024

/** An admin request body as parsed JSON, or the answer refusing it. */
async function readAdminBody(request: Request): Promise<{ value: unknown } | Response> {
  try {
    const read = await readLimitedBody(request, ADMIN_BODY_BYTES)
    if (!read.ok) return bodyTooLarge(ADMIN_BODY_BYTES)
    return { value: JSON.parse(read.text) }
  } catch {
    return invalidInput([{ path: '', message: 'must be JSON.' }])
  }
}

/** The admin HTTP surface under `/__sim/`, behind `adminRefusal`. */
export function adminRoutes(
  admin: SimulatorAdmin,
  state: SimulatorState,
  token: string | null,
): Hono {
  const routes = new Hono()
  routes.use('*', async (c, next) => {
    const refusal = adminRefusal(c.req.raw, token)
    if (refusal) {
      refusal.headers.set('cache-control', 'no-store')
      return refusal
    }
    await next()
    // Answers carry users' API keys: no cache keeps them.
    c.res.headers.set('cache-control', 'no-store')
  })
  routes.post('/reset', (c) => {
    admin.reset()
    return c.json({ success: true })
  })
  routes.get('/users/:email', (c) => {
    const user = admin.getUser(c.req.param('email'))
    return user ? c.json(user) : c.json({ success: false, error: 'USER_NOT_FOUND' }, 404)
  })
  routes.put('/users/:email', async (c) => {
    const body = await readAdminBody(c.req.raw)
    if (body instanceof Response) return body
    const email = c.req.param('email')
    const issues = userIssues(state, email, body.value)
    if (issues.length > 0) return invalidInput(issues)
    return c.json(admin.setUser(email, body.value as UserChange))
  })
  routes.get('/requests', (c) => c.json(admin.requests()))
  routes.get('/faults', (c) => c.json(admin.faults()))
  routes.post('/faults', async (c) => {
    const body = await readAdminBody(c.req.raw)
    if (body instanceof Response) return body
    const issues = faultIssues(body.value)
    if (issues.length > 0) return invalidInput(issues)
    admin.setFaults(body.value as Fault)
    return c.json({ success: true, faults: body.value })
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
