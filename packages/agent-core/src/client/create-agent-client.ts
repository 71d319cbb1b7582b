import {
  AGENT_ROUTES,
  type AgentRunInput,
  type ResumableJob,
  type ResumeInput,
  type RetrySceneInput,
} from '@kvidai/agent-protocol'
import { validateJobInput, validateRunInput } from '../protocol/validate-request'
import { readRejection } from '../transport/read-rejection'
import type { RunOutcome } from '../transport/run-outcome'
import {
  type Fetch,
  type StreamListeners,
  type StreamTiming,
  streamAgentEvents,
} from '../transport/stream-agent-events'
import { validateStreamTiming } from '../transport/validate-stream-timing'

export interface AgentClientOptions extends StreamTiming {
  /** Where the API lives, e.g. `https://api.kvid.ai`, or your own proxy's origin and path. */
  baseUrl: string
  /** Sent as the `api-key` header and as `apiKey` in the body. Leave out behind a proxy that adds it. */
  apiKey?: string
  /** The user the agent runs as; sent in the body and the check-resume query. */
  email?: string
  fetch?: Fetch
  /** Extra headers for every request. */
  headers?: Record<string, string>
}

export interface StreamOptions extends StreamListeners {
  signal?: AbortSignal
}

export interface AgentClient {
  run(input: AgentRunInput, options?: StreamOptions): Promise<RunOutcome>
  resume(input: ResumeInput, options?: StreamOptions): Promise<RunOutcome>
  retryScene(input: RetrySceneInput, options?: StreamOptions): Promise<RunOutcome>
  /** The project's unfinished job, or null when there is nothing to resume. */
  checkResume(
    input: { projectId: number },
    options?: { signal?: AbortSignal },
  ): Promise<ResumableJob | null>
}

function count(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0
}

/** The job a check-resume answer names, read leniently; null when it names none. */
function readResumableJob(body: unknown): ResumableJob | null {
  const job = (body as { data?: unknown } | null)?.data as Record<string, unknown> | null
  if (typeof job !== 'object' || job === null) return null
  if (typeof job.jobId !== 'string' || job.jobId === '') return null
  return {
    jobId: job.jobId,
    remainingScenes: count(job.remainingScenes),
    totalScenes: count(job.totalScenes),
  }
}

/**
 * A client for the four Agent API endpoints. Each streaming call sends exactly one
 * request and never retries it; invalid input throws `AgentValidationError` before
 * anything is sent, and an early reject throws `AgentRequestError`.
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  validateStreamTiming(options)
  const { apiKey, email, stallAfterMs, idleTimeoutMs, maxEventBytes } = options
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const fetcher: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const headers: Record<string, string> = { ...options.headers }
  if (apiKey) headers['api-key'] = apiKey
  const credentials = apiKey ? { email, apiKey } : {}

  function stream(path: string, input: object, streamOptions: StreamOptions = {}) {
    return streamAgentEvents({
      ...streamOptions,
      url: baseUrl + path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...input, ...credentials }),
      fetch: fetcher,
      stallAfterMs,
      idleTimeoutMs,
      maxEventBytes,
    })
  }

  return {
    async run(input, streamOptions) {
      validateRunInput(input)
      return stream(AGENT_ROUTES.run, input, streamOptions)
    },
    async resume(input, streamOptions) {
      validateJobInput(input)
      return stream(AGENT_ROUTES.resume, input, streamOptions)
    },
    async retryScene(input, streamOptions) {
      validateJobInput(input)
      return stream(AGENT_ROUTES.retryScene, input, streamOptions)
    },
    async checkResume({ projectId }, { signal } = {}) {
      const query = new URLSearchParams({ projectId: String(projectId) })
      if (email) query.set('email', email)
      const response = await fetcher(`${baseUrl}${AGENT_ROUTES.checkResume}?${query}`, {
        headers,
        signal,
      })
      const type = response.headers.get('content-type') ?? ''
      if (!response.ok || !type.includes('json')) throw await readRejection(response)
      return readResumableJob(await response.json())
    },
  }
}
