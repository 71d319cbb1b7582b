/** Codes the Agent API sends in a JSON reject body, and in-stream `error` events. */
export type AgentRejectCode =
  | 'UNAUTHORIZED'
  | 'CONCURRENT_LIMIT'
  | 'INSUFFICIENT_CREDIT'
  | 'MISSING_PARAMETERS'
  | 'ZOMBIE_TIMEOUT'
  | 'FORBIDDEN'
  | 'PROJECT_NOT_FOUND'
  | 'INTERNAL_ERROR'
  | 'JOB_NOT_FOUND'
  | 'rate_limited'
  | 'invalid_input'

export const AGENT_REJECT_CODES: readonly AgentRejectCode[] = [
  'UNAUTHORIZED',
  'CONCURRENT_LIMIT',
  'INSUFFICIENT_CREDIT',
  'MISSING_PARAMETERS',
  'ZOMBIE_TIMEOUT',
  'FORBIDDEN',
  'PROJECT_NOT_FOUND',
  'INTERNAL_ERROR',
  'JOB_NOT_FOUND',
  'rate_limited',
  'invalid_input',
]

/** The JSON body of every reject. */
export interface AgentRejectBody {
  success: false
  error: string
  message: string
  data: Record<string, unknown> | null
  retryAfter?: number
}
