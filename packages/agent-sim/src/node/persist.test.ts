import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { checkResume, post, readEvents, runBody } from '../test-support'
import { startSimulator } from './index'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

it('keeps users and jobs in --data, so a restarted simulator still offers resume', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'kvid-sim-'))
  folders.push(folder)
  const data = join(folder, 'state.json')

  const first = await startSimulator({ sceneMs: 5, credits: 35, data })
  const result = await readEvents(await post(fetch, first.url, '/api/agent', runBody()))
  const jobId = result.events.at(-1)?.json.data.resumeJobId
  expect(jobId).toBeTruthy()
  first.admin.setUser('demo@example.com', { addCredits: 100 })
  await first.close()
  expect(JSON.parse(readFileSync(data, 'utf8')).jobs).toHaveLength(1)

  const second = await startSimulator({ sceneMs: 5, credits: 35, data })
  try {
    expect((await checkResume(fetch, second.url)).body.data).toEqual({
      jobId,
      remainingScenes: 5,
      totalScenes: 8,
    })
    expect(second.admin.getUser('demo@example.com')?.credits).toBe(100)
    const resumed = await readEvents(
      await post(fetch, second.url, '/api/agent/resume', {
        jobId,
        email: 'demo@example.com',
        apiKey: 'kvid_demo_key',
      }),
    )
    expect(resumed.events.at(-1)?.json.success).toBe(true)
    expect(second.admin.job(jobId)?.scenes.every((scene) => scene.generations === 1)).toBe(true)
    // A new job after the restart does not reuse the old id.
    const next = await readEvents(
      await post(fetch, second.url, '/api/agent', runBody({ message: 'An explainer in 1 scene' })),
    )
    expect(next.events.find((event) => event.event === 'plan_ready')?.json.jobId).not.toBe(jobId)
  } finally {
    await second.close()
  }
})
