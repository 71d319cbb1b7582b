import type { DoneResult, ToolResult } from '@kvidai/agent-protocol'
import { sleep } from './ledger'
import { localizedMessage } from './messages'
import { createRandom, hashString } from './random'
import { progressed, type RunContext } from './run-context'
import { addSceneItems } from './scene-content'
import { type JobRecord, remainingScenes } from './state'

export type SceneRunKind = 'run' | 'resume' | 'retry-scene'

const FAILURE_MESSAGE = 'The image provider timed out while generating this scene.'
const VOICE_FAILURE_MESSAGE = 'Narration could not be generated; the scene has no voice.'

function sceneDuration(context: RunContext, job: JobRecord, sceneIndex: number, attempt: number) {
  const random = createRandom(hashString(`${job.contentSeed}:${sceneIndex}:${attempt}`))
  return Math.round(context.options.sceneMs * (0.6 + 0.8 * random()))
}

/**
 * Generates the given scenes through a media queue of `concurrency` workers.
 * Each scene holds back its price while it runs; when the balance cannot cover the next
 * one, `insufficient_credit` is sent, scenes already running finish, and no more start.
 * Returns whether the credits ran short.
 */
export async function generateScenes(
  context: RunContext,
  job: JobRecord,
  sceneIndexes: number[],
  { checkpoints }: { checkpoints: boolean },
): Promise<{ shortage: boolean }> {
  const { options, stream, user, signal, state } = context
  const price = options.prices.scene
  const queue = [...sceneIndexes]
  let reserved = 0
  let shortage = false
  let sinceCheckpoint = 0

  async function announceShortage() {
    shortage = true
    await stream.send('insufficient_credit', {
      completedScenes: job.scenes.filter((scene) => scene.status === 'complete').length,
      totalScenes: job.totalScenes,
      remainingCredit: Math.max(0, user.credits - reserved),
      estPerScene: price,
    })
  }

  async function generate(sceneIndex: number) {
    const scene = job.scenes[sceneIndex]
    if (!scene) return
    const previous = scene.status
    scene.status = 'running'
    scene.attempts++
    progressed(context)
    await stream.send('scene_start', { sceneId: scene.sceneId, sceneIndex })
    const finished = await sleep(sceneDuration(context, job, sceneIndex, scene.attempts), signal)
    await stream.whileStalled()
    if (!finished || signal.aborted) {
      if (scene.status === 'running') scene.status = previous === 'failed' ? 'failed' : 'pending'
      return
    }
    progressed(context)

    const failAt = job.failOnce.indexOf(sceneIndex)
    if (failAt !== -1) {
      job.failOnce.splice(failAt, 1)
      scene.status = 'failed'
      scene.error = FAILURE_MESSAGE
      state.changed()
      await stream.send('scene_failed', { sceneId: scene.sceneId, error: FAILURE_MESSAGE })
      return
    }

    const voiceFails = job.failVoices.includes(sceneIndex)
    const voicePrice = options.prices.sceneVoice
    context.ledger.charge('generate_image_standard', price - voicePrice)
    if (!voiceFails) context.ledger.charge('generate_voice_standard', voicePrice)
    scene.charged += voiceFails ? price - voicePrice : price
    scene.status = 'complete'
    scene.generations++
    scene.error = undefined
    scene.voiceError = voiceFails ? VOICE_FAILURE_MESSAGE : undefined
    job.composition = addSceneItems(job.composition, job, sceneIndex, context.template, !voiceFails)
    job.updatedAt = Date.now()
    state.changed()
    await stream.send(
      'scene_complete',
      voiceFails
        ? { sceneId: scene.sceneId, voiceError: VOICE_FAILURE_MESSAGE }
        : { sceneId: scene.sceneId },
    )
    sinceCheckpoint++
    if (checkpoints && sinceCheckpoint >= options.checkpointEvery) {
      sinceCheckpoint = 0
      await stream.send('checkpoint', { composition: job.composition })
    }
  }

  async function worker() {
    while (queue.length > 0 && !shortage && !signal.aborted) {
      if (user.credits - reserved < price) {
        await announceShortage()
        return
      }
      const sceneIndex = queue.shift() as number
      reserved += price
      try {
        await generate(sceneIndex)
      } finally {
        reserved -= price
      }
    }
  }

  const workers = Math.min(options.concurrency, Math.max(1, queue.length))
  await Promise.all(Array.from({ length: workers }, worker))
  if (checkpoints && sinceCheckpoint > 0 && !signal.aborted) {
    await stream.send('checkpoint', { composition: job.composition })
  }
  return { shortage }
}

/** The `done` payload of a long-video stream, in the run's language. */
export function longVideoDone(
  context: RunContext,
  job: JobRecord,
  kind: SceneRunKind,
  outcome: { shortage: boolean; sceneIndex?: number },
  toolResults: ToolResult[],
  tokens: { input: number; output: number },
): { success: boolean; data: DoneResult } {
  const remaining = remainingScenes(job)
  const completedScenes = job.totalScenes - remaining
  let text: ReturnType<typeof localizedMessage>
  if (kind === 'retry-scene') {
    const scene = job.scenes[outcome.sceneIndex ?? 0]
    const variant = scene?.status === 'complete' ? 'complete' : 'failed'
    text = localizedMessage(context.locale, `Agent.longVideo.retryScene.done.${variant}`, {
      sceneNumber: (outcome.sceneIndex ?? 0) + 1,
    })
  } else {
    const prefix = kind === 'resume' ? 'Agent.longVideo.resume.done' : 'Agent.longVideo.done'
    const variant =
      remaining === 0 ? 'complete' : outcome.shortage ? 'insufficientCredit' : 'partial'
    text = localizedMessage(context.locale, `${prefix}.${variant}`, {
      completedScenes,
      totalScenes: job.totalScenes,
      remainingScenes: remaining,
    })
  }
  const data: DoneResult = {
    ...text,
    composition: job.composition,
    toolResults,
    projectId: job.projectId,
    tokenUsage: context.ledger.tokenUsage(tokens.input, tokens.output),
    cost: context.ledger.cost(),
  }
  if (remaining > 0) {
    data.resumeJobId = job.jobId
    data.remainingScenes = remaining
    data.totalScenes = job.totalScenes
  }
  return { success: remaining === 0, data }
}
