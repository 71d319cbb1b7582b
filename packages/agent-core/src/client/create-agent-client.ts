import {
  AGENT_ROUTES,
  type AgentRunInput,
  isObject,
  type ResumableJob,
  type ResumeInput,
  type RetrySceneInput,
  STREAM_LIMITS,
} from '@kvidai/agent-protocol'
import { count, readPayload, text } from '../protocol/payload-reader'
import { validateJobInput, validateRunInput } from '../protocol/validate-request'
import { readRejection } from '../transport/read-rejection'
import {
  type AgentEventStream,
  type Fetch,
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

export interface StreamOptions {
  /** Aborting it closes the stream; its last action is then `request_ended` with `aborted`. */
  signal?: AbortSignal
}

export interface AgentClient {
  run(input: AgentRunInput, options?: StreamOptions): AgentEventStream
  resume(input: ResumeInput, options?: StreamOptions): AgentEventStream
  retryScene(input: RetrySceneInput, options?: StreamOptions): AgentEventStream
  /** The project's unfinished job, or null when there is nothing to resume. */
  checkResume(
    input: { projectId: number },
    options?: { signal?: AbortSignal },
  ): Promise<ResumableJob | null>
}

/** The job a check-resume answer names, read as the stream's payloads are; null when it names none. */
function readResumableJob(body: unknown): ResumableJob | null {
  const job = isObject(body) ? body.data : null
  if (!isObject(job) || typeof job.jobId !== 'string' || job.jobId === '') return null
  const scenes = count(STREAM_LIMITS.scenesMax)
  const schema = { jobId: text(''), remainingScenes: scenes, totalScenes: scenes }
  const { jobId, remainingScenes, totalScenes } = readPayload<ResumableJob>(
    schema,
    job,
    'check-resume',
    () => {},
  )
  return { jobId, remainingScenes, totalScenes }
}

/**
 * A client for the four Agent API endpoints. Each streaming call returns the request's
 * stream to pull (`for await`): it sends exactly one request when first pulled and never
 * retries it. Invalid input throws `AgentValidationError` from the stream before anything
 * is sent, and an early reject throws `AgentRequestError`.
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  validateStreamTiming(options)
  const { apiKey, email, stallAfterMs, idleTimeoutMs, maxEventBytes } = options
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const fetcher: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const headers: Record<string, string> = { ...options.headers }
  if (apiKey) headers['api-key'] = apiKey
  const credentials = apiKey ? { email, apiKey } : {}

  /** The request's stream; the input is checked on the first pull, before anything is sent. */
  async function* stream<Input extends object>(
    path: string,
    input: Input,
    validate: (input: Input) => void,
    { signal }: StreamOptions = {},
  ): AgentEventStream {
    validate(input)
    yield* streamAgentEvents({
      url: baseUrl + path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...input, ...credentials }),
      fetch: fetcher,
      signal,
      stallAfterMs,
      idleTimeoutMs,
      maxEventBytes,
    })
  }

  return {
    run: (input, streamOptions) => stream(AGENT_ROUTES.run, input, validateRunInput, streamOptions),
    resume: (input, streamOptions) =>
      stream(AGENT_ROUTES.resume, input, validateJobInput, streamOptions),
    retryScene: (input, streamOptions) =>
      stream(AGENT_ROUTES.retryScene, input, validateJobInput, streamOptions),
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
