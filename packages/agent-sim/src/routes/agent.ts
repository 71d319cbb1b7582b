import {
  AGENT_ROUTES,
  type AgentRunBody,
  type CompositionInput,
  LOCALES,
  type Locale,
  normalizeComposition,
} from '@kvidai/agent-protocol'
import { admitRunRequest, creditReject } from '../admission'
import type { FaultQueue } from '../faults'
import { readInstruction } from '../instruction'
import { generateScenes, longVideoDone } from '../long-video'
import type { ResolvedOptions } from '../options'
import { hashString } from '../random'
import { reject } from '../rejects'
import { runRequestIssues } from '../request-limits'
import { progressed } from '../run-context'
import { startSession } from '../run-session'
import { addPlanTracks } from '../scene-content'
import { runShortEdit } from '../short-edit'
import type { JobRecord, SimulatorState } from '../state'
import { resolveTemplate } from '../templates'
import { workOnTool } from '../tool-work'

export function readLocale(value: unknown): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : 'en'
}

function isComposition(value: unknown): value is CompositionInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { tracks?: unknown }).tracks)
  )
}

/** `POST /api/agent`: a short edit, or a long video planned and generated scene by scene. */
export async function handleRun(
  request: Request,
  deps: { state: SimulatorState; options: ResolvedOptions; faults: FaultQueue },
): Promise<Response> {
  const { state, options } = deps
  const admission = await admitRunRequest<AgentRunBody>(request, {
    ...deps,
    route: `POST ${AGENT_ROUTES.run}`,
    required: ['message', 'composition', 'projectId', 'email', 'apiKey'],
    maxBytes: options.maxBodyBytes,
    check: runRequestIssues,
  })
  if (!admission.ok) return admission.response
  const { user, body, fault } = admission
  if (!isComposition(body.composition)) {
    return reject('MISSING_PARAMETERS', 'composition.tracks must be an array.', {
      missing: ['composition.tracks'],
    })
  }
  const projectId = Number(body.projectId)
  if (!Number.isFinite(projectId)) {
    return reject('MISSING_PARAMETERS', 'projectId must be a number.', { missing: ['projectId'] })
  }
  const short = creditReject(user, options.prices.minimumToStart)
  if (short) return short

  const locale = readLocale(body.locale)
  const { template, warnings } = resolveTemplate(body.templateId)
  const composition = normalizeComposition(body.composition)
  const intent = readInstruction(String(body.message), Boolean(body.selectedItemContext))

  if (intent.kind === 'edit') {
    return startSession({
      ...deps,
      request,
      user,
      fault,
      kind: 'run',
      job: null,
      locale,
      template,
      async work(context) {
        for (const warning of warnings) await context.stream.send('template_warning', warning)
        return runShortEdit(context, { ...body, projectId }, composition, intent.operations)
      },
    })
  }

  const now = Date.now()
  const sceneFrames = Math.max(1, Math.round(intent.secondsPerScene * composition.fps))
  let startFrame = 0
  for (const item of Object.values(composition.items)) {
    startFrame = Math.max(startFrame, item.from + item.durationInFrames)
  }
  const job: JobRecord = {
    jobId: state.nextJobId(),
    projectId,
    email: user.email,
    message: String(body.message),
    topic: intent.topic,
    locale,
    templateId: template.id,
    totalScenes: intent.totalScenes,
    estimatedMinutes: Math.max(1, Math.ceil(intent.totalScenes * 0.75)),
    sceneFrames,
    startFrame,
    contentSeed: hashString(`${options.seed}:${body.message}:${locale}`),
    status: 'running',
    scenes: Array.from({ length: intent.totalScenes }, (_, sceneIndex) => ({
      sceneId: `scene-${sceneIndex + 1}`,
      sceneIndex,
      status: 'pending' as const,
      attempts: 0,
      generations: 0,
      charged: 0,
    })),
    composition,
    failOnce: [...(fault.failScenes ?? [])],
    failVoices: [...(fault.failVoices ?? [])],
    createdAt: now,
    updatedAt: now,
  }
  job.composition = addPlanTracks(composition, job)
  state.jobs.set(job.jobId, job)
  state.changed()

  return startSession({
    ...deps,
    request,
    user,
    fault,
    kind: 'run',
    job,
    locale,
    template,
    async work(context) {
      const { stream, signal, ledger } = context
      for (const warning of warnings) await stream.send('template_warning', warning)
      const toolUseId = context.nextToolUseId()
      await stream.send('tool_start', { toolUseId, toolName: 'plan_long_video' })
      if (!(await workOnTool(context, Math.min(options.sceneMs, 500)))) return null
      await stream.whileStalled()
      if (signal.aborted) return null
      ledger.charge('chat', options.prices.planning)
      progressed(context)
      await stream.send('tool_end', { toolUseId, toolName: 'plan_long_video', success: true })
      await stream.send('plan_ready', {
        jobId: job.jobId,
        totalScenes: job.totalScenes,
        estimatedMinutes: job.estimatedMinutes,
      })
      const outcome = await generateScenes(
        context,
        job,
        job.scenes.map((scene) => scene.sceneIndex),
        { checkpoints: true },
      )
      if (signal.aborted) return null
      const planResult = {
        toolUseId,
        toolName: 'plan_long_video',
        success: true,
        jobId: job.jobId,
        totalScenes: job.totalScenes,
      }
      return longVideoDone(context, job, 'run', outcome, [planResult], {
        input: 1200 + job.message.length * 2,
        output: 200 + job.totalScenes * 60,
      })
    },
  })
}
