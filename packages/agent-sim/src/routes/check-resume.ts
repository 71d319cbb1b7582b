import type { CheckResumeResponse } from '@kvidai/agent-protocol'
import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { checkResumeWithExtras } from '../extra-fields'
import type { WireSwitches } from '../profiles'
import { reject } from '../rejects'
import { remainingScenes, type SimulatorState } from '../state'

/** `GET /api/agent/check-resume?projectId&email`: the project's unfinished job, if any. */
export function handleCheckResume(
  request: Request,
  state: SimulatorState,
  wire: WireSwitches,
): Response {
  state.count(`GET ${AGENT_ROUTES.checkResume}`)
  const user = state.findUserByKey(request.headers.get('api-key') ?? '')
  if (!user) return reject('UNAUTHORIZED', 'Missing or invalid api-key header.')
  const query = new URL(request.url).searchParams
  const missing = ['projectId', 'email'].filter((name) => !query.get(name))
  if (missing.length > 0) {
    return reject('MISSING_PARAMETERS', `Missing required parameters: ${missing.join(', ')}`, {
      missing,
    })
  }
  if (query.get('email') !== user.email) {
    return reject('UNAUTHORIZED', 'The email does not belong to this API key.')
  }
  const job = state.resumableJob(Number(query.get('projectId')), user.email)
  const body: CheckResumeResponse = {
    success: true,
    data: job
      ? { jobId: job.jobId, remainingScenes: remainingScenes(job), totalScenes: job.totalScenes }
      : null,
  }
  return Response.json(wire.extraFields ? checkResumeWithExtras(body, job, Date.now()) : body)
}
