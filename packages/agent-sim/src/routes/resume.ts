import type { ResumeBody, RetrySceneBody } from '@kvidai/agent-protocol'
import { AGENT_ROUTES } from '@kvidai/agent-protocol'
import { admitRunRequest, creditReject } from '../admission'
import type { FaultQueue } from '../faults'
import { generateScenes, longVideoDone } from '../long-video'
import type { ResolvedOptions } from '../options'
import { reject } from '../rejects'
import { jobRequestIssues } from '../request-limits'
import { startSession } from '../run-session'
import type { JobRecord, SimulatorState } from '../state'
import { resolveTemplate } from '../templates'
import { readLocale } from './agent'

interface Deps {
  state: SimulatorState
  options: ResolvedOptions
  faults: FaultQueue
}

/** Resume and retry bodies hold a few short strings: 64 KiB is ample. */
const JOB_BODY_BYTES = 64 * 1024

function jobBodyBytes(options: ResolvedOptions): number {
  return Math.min(options.maxBodyBytes, JOB_BODY_BYTES)
}

function findJob(state: SimulatorState, jobId: string, email: string): JobRecord | Response {
  const job = state.jobs.get(jobId)
  if (!job) return reject('JOB_NOT_FOUND', `No job ${jobId}.`, { jobId })
  if (job.email !== email)
    return reject('FORBIDDEN', 'This job belongs to another user.', { jobId })
  return job
}

/** `POST /api/agent/resume`: generates only the scenes that are failed or missing. */
export async function handleResume(request: Request, deps: Deps): Promise<Response> {
  const admission = await admitRunRequest<ResumeBody>(request, {
    ...deps,
    route: `POST ${AGENT_ROUTES.resume}`,
    required: ['jobId', 'email', 'apiKey'],
    maxBytes: jobBodyBytes(deps.options),
    check: (body) => jobRequestIssues(body, false),
  })
  if (!admission.ok) return admission.response
  const { user, body, fault } = admission
  const job = findJob(deps.state, String(body.jobId), user.email)
  if (job instanceof Response) return job
  const short = creditReject(user, deps.options.prices.scene)
  if (short) return short

  job.failOnce.push(...(fault.failScenes ?? []))
  job.failVoices.push(...(fault.failVoices ?? []))
  const locale = readLocale(body.locale)
  return startSession({
    ...deps,
    request,
    user,
    fault,
    kind: 'resume',
    job,
    locale,
    template: resolveTemplate(job.templateId).template,
    async work(context) {
      if (deps.options.wire.planOnResume) {
        await context.stream.send('plan_ready', {
          jobId: job.jobId,
          totalScenes: job.totalScenes,
          estimatedMinutes: job.estimatedMinutes,
        })
      }
      const unfinished = job.scenes
        .filter((scene) => scene.status !== 'complete')
        .map((scene) => scene.sceneIndex)
      const outcome = await generateScenes(context, job, unfinished, { checkpoints: true })
      if (context.signal.aborted) return null
      return longVideoDone(context, job, 'resume', outcome, [], {
        input: 400,
        output: 40 + unfinished.length * 20,
      })
    },
  })
}

/** `POST /api/agent/retry-scene`: one scene again, nothing else in the plan. */
export async function handleRetryScene(request: Request, deps: Deps): Promise<Response> {
  const admission = await admitRunRequest<RetrySceneBody>(request, {
    ...deps,
    route: `POST ${AGENT_ROUTES.retryScene}`,
    required: ['jobId', 'sceneId', 'email', 'apiKey'],
    maxBytes: jobBodyBytes(deps.options),
    check: (body) => jobRequestIssues(body, true),
  })
  if (!admission.ok) return admission.response
  const { user, body, fault } = admission
  const job = findJob(deps.state, String(body.jobId), user.email)
  if (job instanceof Response) return job
  const scene = job.scenes.find((candidate) => candidate.sceneId === body.sceneId)
  if (!scene) {
    return reject('invalid_input', `Job ${job.jobId} has no scene ${String(body.sceneId)}.`, {
      jobId: job.jobId,
      sceneId: body.sceneId,
    })
  }
  if (scene.status === 'complete') {
    return reject('invalid_input', `Scene ${scene.sceneId} is already complete.`, {
      jobId: job.jobId,
      sceneId: scene.sceneId,
    })
  }
  const short = creditReject(user, deps.options.prices.scene)
  if (short) return short

  if (fault.failScenes?.includes(scene.sceneIndex)) job.failOnce.push(scene.sceneIndex)
  if (fault.failVoices?.includes(scene.sceneIndex)) job.failVoices.push(scene.sceneIndex)
  const locale = readLocale(body.locale)
  return startSession({
    ...deps,
    request,
    user,
    fault,
    kind: 'retry-scene',
    job,
    locale,
    template: resolveTemplate(job.templateId).template,
    async work(context) {
      const outcome = await generateScenes(context, job, [scene.sceneIndex], { checkpoints: false })
      if (context.signal.aborted) return null
      return longVideoDone(
        context,
        job,
        'retry-scene',
        { ...outcome, sceneIndex: scene.sceneIndex },
        [],
        { input: 300, output: 40 },
      )
    },
  })
}
