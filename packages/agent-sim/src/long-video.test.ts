import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { checkResume, LONG_VIDEO, names, post, readEvents, runBody, waitFor } from './test-support'

let simulator: NodeSimulator & { url: string }

beforeAll(async () => {
  simulator = await startSimulator({ sceneMs: 10, seed: 7 })
})
afterAll(() => simulator.close())
beforeEach(() => simulator.admin.reset())

async function run(body: Record<string, unknown>, path = '/api/agent') {
  return readEvents(await post(fetch, simulator.url, path, body))
}

describe('a long video over HTTP', () => {
  it('plans, streams every scene once and ends with the final composition', async () => {
    const result = await run(runBody())
    expect(result.status).toBe(200)
    expect(result.ending).toBe('end')
    const plan = result.events.find((event) => event.event === 'plan_ready')?.json
    expect(plan).toMatchObject({ totalScenes: 8, estimatedMinutes: expect.any(Number) })
    expect(plan.jobId).toMatch(/^job_/)

    const starts = result.events.filter((event) => event.event === 'scene_start')
    const completes = result.events.filter((event) => event.event === 'scene_complete')
    expect(starts.map((event) => event.json.sceneIndex).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ])
    expect(new Set(completes.map((event) => event.json.sceneId)).size).toBe(8)
    expect(names(result).filter((name) => name === 'checkpoint')).toHaveLength(8)
    expect(names(result).at(-1)).toBe('done')

    const done = result.events.at(-1)?.json
    expect(done.success).toBe(true)
    expect(done.data.messageKey).toBe('Agent.longVideo.done.complete')
    expect(done.data.resumeJobId).toBeUndefined()
    const { composition } = done.data
    expect(composition).toMatchObject({ fps: 30, compositionWidth: 1920, compositionHeight: 1080 })
    const visuals = composition.tracks.find((track: { name: string }) => track.name === 'Scenes')
    expect(visuals.items).toEqual(
      Array.from({ length: 8 }, (_, index) => `scene-${index + 1}-visual`),
    )
    expect(composition.items['scene-1-visual']).toMatchObject({ from: 0, type: 'image' })
    // 30 seconds over 8 scenes at 30 fps.
    expect(composition.items['scene-2-visual'].from).toBe(113)
  })

  it('never lets the media queue run more scenes at once than its concurrency', async () => {
    const result = await run(runBody({ message: 'A long video in 12 scenes' }))
    let running = 0
    let most = 0
    for (const event of result.events) {
      if (event.event === 'scene_start') most = Math.max(most, ++running)
      if (event.event === 'scene_complete' || event.event === 'scene_failed') running--
    }
    expect(most).toBe(3)
  })

  it('charges planning once and every scene once, and reports it as the cost', async () => {
    const before = simulator.admin.getUser('demo@example.com')?.credits ?? 0
    const result = await run(runBody())
    const done = result.events.at(-1)?.json
    const after = simulator.admin.getUser('demo@example.com')?.credits ?? 0
    expect(before - after).toBe(5 + 8 * 10)
    expect(done.data.cost.total).toBe(before - after)
    expect(done.data.cost.breakdown).toEqual({
      chat: 5,
      generate_image_standard: 48,
      generate_voice_standard: 32,
    })
    expect(done.data.tokenUsage).toMatchObject({ creditCost: 5 })
  })

  it('writes the done message in the request locale with the same key', async () => {
    const messages: Record<string, { message: string; messageKey: string }> = {}
    for (const locale of ['en', 'ko', 'es']) {
      simulator.admin.reset()
      const result = await run(runBody({ locale }))
      messages[locale] = result.events.at(-1)?.json.data
    }
    expect(messages.en?.message).toBe('Your 8-scene video is ready.')
    expect(messages.ko?.message).toBe('8개 장면으로 된 영상이 완성되었습니다.')
    expect(messages.es?.message).toBe('Tu video de 8 escenas está listo.')
    expect(new Set(Object.values(messages).map((entry) => entry.messageKey)).size).toBe(1)
  })

  it('takes the scene count from a duration when none is named, else a default', async () => {
    const fromDuration = await run(runBody({ message: 'Make a 1-minute video about tea' }))
    expect(
      fromDuration.events.find((event) => event.event === 'plan_ready')?.json.totalScenes,
    ).toBe(12)
    simulator.admin.reset()
    const fallback = await run(runBody({ message: 'Make an explainer about volcanoes' }))
    expect(fallback.events.find((event) => event.event === 'plan_ready')?.json.totalScenes).toBe(6)
  })
})

describe('credits running out', () => {
  it('stops at a shortage, lets check-resume find the rest, and resume finishes every scene once', async () => {
    simulator.admin.setUser('demo@example.com', { credits: 35 })
    const first = await run(runBody())
    const shortage = first.events.find((event) => event.event === 'insufficient_credit')?.json
    expect(shortage).toMatchObject({ totalScenes: 8, estPerScene: 10, remainingCredit: 0 })
    const done = first.events.at(-1)?.json
    expect(done.success).toBe(false)
    expect(done.data).toMatchObject({
      messageKey: 'Agent.longVideo.done.insufficientCredit',
      remainingScenes: 5,
      totalScenes: 8,
    })
    // Scenes already running when the shortage hit were finished, and no more started.
    expect(names(first).filter((name) => name === 'scene_start')).toHaveLength(3)
    expect(names(first).filter((name) => name === 'scene_complete')).toHaveLength(3)
    expect(simulator.admin.getUser('demo@example.com')?.credits).toBe(0)

    const check = await checkResume(fetch, simulator.url)
    expect(check.body).toEqual({
      success: true,
      data: { jobId: done.data.resumeJobId, remainingScenes: 5, totalScenes: 8 },
    })

    const broke = await post(fetch, simulator.url, '/api/agent/resume', {
      jobId: done.data.resumeJobId,
      email: 'demo@example.com',
      apiKey: 'kvid_demo_key',
    })
    expect(broke.status).toBe(402)
    expect(await broke.json()).toMatchObject({
      error: 'INSUFFICIENT_CREDIT',
      data: { required: 10, available: 0 },
    })

    simulator.admin.setUser('demo@example.com', { addCredits: 100 })
    const resumed = await run(
      { jobId: done.data.resumeJobId, email: 'demo@example.com', apiKey: 'kvid_demo_key' },
      '/api/agent/resume',
    )
    const started = resumed.events.filter((event) => event.event === 'scene_start')
    expect(started).toHaveLength(5)
    const resumedDone = resumed.events.at(-1)?.json
    expect(resumedDone.data.messageKey).toBe('Agent.longVideo.resume.done.complete')
    expect(resumedDone.data.resumeJobId).toBeUndefined()
    expect(
      Object.keys(resumedDone.data.composition.items).filter((id) => id.endsWith('-visual')),
    ).toHaveLength(8)

    const job = simulator.admin.job(done.data.resumeJobId)
    expect(job?.scenes.map((scene) => scene.generations)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
    expect(job?.scenes.map((scene) => scene.charged)).toEqual([10, 10, 10, 10, 10, 10, 10, 10])
    expect(simulator.admin.getUser('demo@example.com')?.credits).toBe(50)
    expect((await checkResume(fetch, simulator.url)).body).toEqual({ success: true, data: null })
  })
})

describe('the locale of resume and retry-scene', () => {
  it('is en when the request names none, whatever the job was made in', async () => {
    simulator.admin.setFaults({ failScenes: [1] })
    const first = await run(runBody({ message: 'An explainer in 3 scenes', locale: 'ko' }))
    const jobId = first.events.at(-1)?.json.data.resumeJobId
    expect(first.events.at(-1)?.json.data.message).toMatch(/장면/)
    const owner = { email: 'demo@example.com', apiKey: 'kvid_demo_key' }

    simulator.admin.setFaults({ failScenes: [1] })
    const retried = await run({ jobId, sceneId: 'scene-2', ...owner }, '/api/agent/retry-scene')
    expect(retried.events.at(-1)?.json.data.message).toBe('Scene 2 failed again.')

    const resumed = await run({ jobId, ...owner }, '/api/agent/resume')
    expect(resumed.events.at(-1)?.json.data.message).toBe('Resumed: all 3 scenes are ready.')
  })

  it('follows the locale the request names', async () => {
    simulator.admin.setFaults({ failScenes: [0] })
    const first = await run(runBody({ message: 'An explainer in 2 scenes' }))
    const jobId = first.events.at(-1)?.json.data.resumeJobId
    const resumed = await run(
      { jobId, email: 'demo@example.com', apiKey: 'kvid_demo_key', locale: 'es' },
      '/api/agent/resume',
    )
    expect(resumed.events.at(-1)?.json.data.message).toBe('Reanudado: las 2 escenas están listas.')
  })
})

describe('a dropped connection', () => {
  it('keeps completed scenes and resumes only the rest', async () => {
    // Quiet after the second finished scene, so the drop lands there however busy the machine.
    simulator.admin.setFaults({ stallAfterEvents: 11 })
    const controller = new AbortController()
    const response = await post(fetch, simulator.url, '/api/agent', runBody(), {
      signal: controller.signal,
    })
    let completed = 0
    await readEvents(response, (event) => {
      if (event.event === 'scene_complete' && ++completed === 2) controller.abort()
    })
    let check!: Awaited<ReturnType<typeof checkResume>>
    await waitFor(async () => {
      check = await checkResume(fetch, simulator.url)
      return check.body.data !== null
    })
    const jobId = check.body.data.jobId
    const job = simulator.admin.job(jobId)
    const done = job?.scenes.filter((scene) => scene.status === 'complete').length ?? 0
    expect(done).toBe(2)
    expect(check.body.data.remainingScenes).toBe(6)
    expect(job?.scenes.some((scene) => scene.status === 'running')).toBe(false)

    const resumed = await run(
      { jobId, email: 'demo@example.com', apiKey: 'kvid_demo_key' },
      '/api/agent/resume',
    )
    expect(resumed.events.filter((event) => event.event === 'scene_start')).toHaveLength(8 - done)
    expect(simulator.admin.job(jobId)?.scenes.every((scene) => scene.generations === 1)).toBe(true)
  })

  it('gives the same final composition as an unbroken run with the same seed', async () => {
    const unbroken = (await run(runBody())).events.at(-1)?.json.data.composition
    simulator.admin.reset()
    simulator.admin.setFaults({ cutAfterEvents: 9 })
    const cut = await run(runBody())
    expect(cut.ending).toBe('error')
    const jobId = cut.events.find((event) => event.event === 'plan_ready')?.json.jobId
    const resumed = await run(
      { jobId, email: 'demo@example.com', apiKey: 'kvid_demo_key' },
      '/api/agent/resume',
    )
    expect(resumed.events.at(-1)?.json.data.composition).toEqual(unbroken)
  })
})

describe('retry-scene', () => {
  it('sends exactly scene_start, then scene_complete, then done, for that scene alone', async () => {
    simulator.admin.setFaults({ failScenes: [3] })
    const first = await run(runBody())
    const failed = first.events.find((event) => event.event === 'scene_failed')?.json
    expect(failed).toEqual({ sceneId: 'scene-4', error: expect.stringMatching(/timed out/) })
    const done = first.events.at(-1)?.json
    expect(done.data).toMatchObject({
      messageKey: 'Agent.longVideo.done.partial',
      resumeJobId: expect.any(String),
      remainingScenes: 1,
    })

    const retry = await run(
      {
        jobId: done.data.resumeJobId,
        sceneId: 'scene-4',
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      },
      '/api/agent/retry-scene',
    )
    expect(names(retry)).toEqual(['scene_start', 'scene_complete', 'done'])
    expect(retry.events[0]?.json).toEqual({ sceneId: 'scene-4', sceneIndex: 3 })
    expect(retry.events[2]?.json.data.messageKey).toBe('Agent.longVideo.retryScene.done.complete')
    expect(retry.events[2]?.json.data.composition.items['scene-4-visual']).toBeDefined()
    const job = simulator.admin.job(done.data.resumeJobId)
    expect(job?.scenes[3]).toMatchObject({ attempts: 2, generations: 1, charged: 10 })
    expect(job?.status).toBe('complete')
  })

  it('refuses a scene that is already complete, or unknown, or another user’s job', async () => {
    simulator.admin.setFaults({ failScenes: [0] })
    const first = await run(runBody({ message: 'An explainer in 2 scenes' }))
    const jobId = first.events.at(-1)?.json.data.resumeJobId
    const complete = await post(fetch, simulator.url, '/api/agent/retry-scene', {
      jobId,
      sceneId: 'scene-2',
      email: 'demo@example.com',
      apiKey: 'kvid_demo_key',
    })
    expect(complete.status).toBe(400)
    const unknownJob = await post(fetch, simulator.url, '/api/agent/retry-scene', {
      jobId: 'job_missing',
      sceneId: 'scene-1',
      email: 'demo@example.com',
      apiKey: 'kvid_demo_key',
    })
    expect(unknownJob.status).toBe(404)
    expect((await unknownJob.json()).error).toBe('JOB_NOT_FOUND')
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 100 })
    const foreign = await post(
      fetch,
      simulator.url,
      '/api/agent/retry-scene',
      { jobId, sceneId: 'scene-1', email: 'other@example.com', apiKey: 'kvid_other' },
      { apiKey: 'kvid_other' },
    )
    expect(foreign.status).toBe(403)
  })
})

describe('the seed', () => {
  it('makes job ids, plans and media repeatable, and another seed changes them', async () => {
    const finals = []
    for (const seed of [7, 7, 8]) {
      const other = await startSimulator({ sceneMs: 5, seed })
      const result = await readEvents(
        await post(fetch, other.url, '/api/agent', runBody({ message: LONG_VIDEO })),
      )
      finals.push({
        jobId: result.events.find((event) => event.event === 'plan_ready')?.json.jobId,
        composition: result.events.at(-1)?.json.data.composition,
      })
      await other.close()
    }
    expect(finals[0]).toEqual(finals[1])
    expect(finals[2]?.jobId).not.toBe(finals[0]?.jobId)
    expect(finals[2]?.composition.assets).not.toEqual(finals[0]?.composition.assets)
  })
})
