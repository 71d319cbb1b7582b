import type { Composition, Locale } from '@kvidai/agent-protocol'
import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { DEMO_USER, type ResolvedOptions, type SimulatorUser } from './options'

export type SceneStatus = 'pending' | 'running' | 'complete' | 'failed'

export interface SceneRecord {
  sceneId: string
  sceneIndex: number
  status: SceneStatus
  /** How many times generation started. */
  attempts: number
  /** How many times the scene was generated to the end; 1 for a finished job. */
  generations: number
  /** Credits charged for this scene so far. */
  charged: number
  voiceError?: string
  error?: string
}

export type JobStatus = 'running' | 'resumable' | 'complete'

export interface JobRecord {
  jobId: string
  projectId: number
  email: string
  message: string
  /** What the video is about, read from the instruction. */
  topic: string
  locale: Locale
  templateId: string
  totalScenes: number
  estimatedMinutes: number
  /** Frames each scene lasts. */
  sceneFrames: number
  /** Where the scenes start on the timeline, in frames. */
  startFrame: number
  /** Seed of the scene content: the same plan gives the same media. */
  contentSeed: number
  status: JobStatus
  scenes: SceneRecord[]
  composition: Composition
  /** Scene indexes whose next attempt fails (a staged fault). */
  failOnce: number[]
  /** Scene indexes whose narration fails (a staged fault). */
  failVoices: number[]
  createdAt: number
  updatedAt: number
}

export type RunKind = 'run' | 'resume' | 'retry-scene'

/** A run, resume or retry whose stream is open. */
export interface ActiveRun {
  kind: RunKind
  email: string
  jobId: string | null
  lastProgressAt: number
  /** Ends the run as if its client had gone; completed scenes stay. */
  cancel(reason: string): void
}

export const COUNTED_ROUTES = [
  `POST ${AGENT_ROUTES.run}`,
  `POST ${AGENT_ROUTES.resume}`,
  `POST ${AGENT_ROUTES.retryScene}`,
  `GET ${AGENT_ROUTES.checkResume}`,
] as const

export type CountedRoute = (typeof COUNTED_ROUTES)[number]

export interface RequestCounts {
  total: number
  byRoute: Record<CountedRoute, number>
}

/** What `--data` persists, so a restarted simulator still offers resume. */
export interface PersistedState {
  version: 1
  jobCounter: number
  users: SimulatorUser[]
  jobs: JobRecord[]
}

export function createState(options: ResolvedOptions) {
  const users = new Map<string, SimulatorUser>()
  const jobs = new Map<string, JobRecord>()
  const activeRuns = new Map<string, ActiveRun>()
  const requestTimes = new Map<string, number[]>()
  let counts = emptyCounts()
  let jobCounter = 0
  let runCounter = 0
  const listeners = new Set<() => void>()

  function seedUsers() {
    users.clear()
    users.set(DEMO_USER.email, { ...DEMO_USER, credits: options.credits })
    for (const user of options.users) users.set(user.email, { ...user })
  }
  seedUsers()

  const state = {
    users,
    jobs,
    activeRuns,
    get counts(): RequestCounts {
      return counts
    },
    /** Tells persistence that something worth saving changed. */
    changed() {
      for (const listener of listeners) listener()
    },
    onChange(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    count(route: CountedRoute) {
      counts.total++
      counts.byRoute[route]++
    },
    nextJobId(): string {
      jobCounter++
      return `job_${options.seed.toString(36)}_${jobCounter.toString().padStart(4, '0')}`
    },
    nextRunId(): string {
      runCounter++
      return `run_${runCounter.toString().padStart(5, '0')}`
    },
    findUserByKey(apiKey: string): SimulatorUser | undefined {
      for (const user of users.values()) if (user.apiKey === apiKey) return user
      return undefined
    },
    /** Records a request and says whether the user is over the per-minute limit. */
    overRateLimit(email: string, now: number): number {
      if (options.rateLimit <= 0) return 0
      const windowStart = now - 60_000
      const times = (requestTimes.get(email) ?? []).filter((time) => time > windowStart)
      if (times.length >= options.rateLimit) {
        requestTimes.set(email, times)
        const oldest = times[0] ?? now
        return Math.max(1, Math.ceil((oldest + 60_000 - now) / 1000))
      }
      times.push(now)
      requestTimes.set(email, times)
      return 0
    },
    /** The newest job of the project that still has scenes to make and is not running. */
    resumableJob(projectId: number, email: string): JobRecord | undefined {
      let found: JobRecord | undefined
      for (const job of jobs.values()) {
        if (job.projectId !== projectId || job.email !== email) continue
        if (job.status !== 'resumable') continue
        if (!found || job.createdAt >= found.createdAt) found = job
      }
      return found
    },
    reset() {
      for (const run of activeRuns.values()) run.cancel('reset')
      activeRuns.clear()
      jobs.clear()
      requestTimes.clear()
      counts = emptyCounts()
      jobCounter = 0
      runCounter = 0
      seedUsers()
      state.changed()
    },
    exportState(): PersistedState {
      return {
        version: 1,
        jobCounter,
        users: [...users.values()].map((user) => ({ ...user })),
        jobs: [...jobs.values()].map((job) => structuredClone(job)),
      }
    },
    importState(saved: PersistedState) {
      jobCounter = Math.max(jobCounter, saved.jobCounter)
      for (const user of saved.users) users.set(user.email, { ...user })
      for (const job of saved.jobs) {
        const restored = structuredClone(job)
        // A job that was running when the simulator stopped lost its connection.
        if (restored.status === 'running') {
          restored.status = 'resumable'
          for (const scene of restored.scenes)
            if (scene.status === 'running') scene.status = 'pending'
        }
        jobs.set(restored.jobId, restored)
      }
    },
  }
  return state
}

export type SimulatorState = ReturnType<typeof createState>

function emptyCounts(): RequestCounts {
  return {
    total: 0,
    byRoute: Object.fromEntries(COUNTED_ROUTES.map((route) => [route, 0])) as Record<
      CountedRoute,
      number
    >,
  }
}

export function remainingScenes(job: JobRecord): number {
  return job.scenes.filter((scene) => scene.status !== 'complete').length
}
