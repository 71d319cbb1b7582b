import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkForResume, postToAgent, type RawAnswer } from '../test/raw-wire-client'
import { type NodeSimulator, startSimulator } from './node/index'
import { DEMO_USER } from './options'
import { SIMULATOR_PROFILES } from './profiles'

/**
 * A client written from the reference alone, with no SDK, drives the simulator over HTTP
 * under every profile: the documented flows work whatever the profile adds or leaves out.
 */
const CREDENTIALS = { email: DEMO_USER.email, apiKey: DEMO_USER.apiKey }
const LONG_VIDEO = 'Make an explainer about glaciers in 6 scenes.'

const names = (answer: RawAnswer) => answer.events.map((event) => event.name)
const done = (answer: RawAnswer) => answer.events.at(-1)

describe.each(SIMULATOR_PROFILES)('a raw-wire client under the %s profile', (profile) => {
  let simulator: NodeSimulator & { url: string }
  beforeAll(async () => {
    simulator = await startSimulator({ profile, sceneMs: 5, silentToolMs: 100, heartbeatMs: 20 })
  })
  afterAll(() => simulator.close())

  it('runs short of credit, finds the job with check-resume, and resumes it to the end', async () => {
    simulator.admin.setUser(DEMO_USER.email, { credits: 25 })
    const run = await postToAgent(
      simulator.url,
      '/api/agent',
      { message: LONG_VIDEO, composition: { tracks: [] }, projectId: 7 },
      CREDENTIALS,
    )
    expect(run.status).toBe(200)
    expect(names(run)).toContain('insufficient_credit')
    expect(done(run)).toMatchObject({ name: 'done', data: { success: false } })
    const jobId = done(run)?.data.data.resumeJobId
    expect(jobId).toEqual(expect.any(String))

    const job = await checkForResume(simulator.url, 7, CREDENTIALS)
    expect(job).toMatchObject({ jobId, remainingScenes: 4, totalScenes: 6 })

    const refused = await postToAgent(
      simulator.url,
      '/api/agent/resume',
      { jobId },
      {
        ...CREDENTIALS,
        apiKey: 'not-a-key',
      },
    )
    expect(refused).toMatchObject({
      status: 401,
      rejection: { success: false, error: 'UNAUTHORIZED' },
    })

    simulator.admin.setUser(DEMO_USER.email, { addCredits: 1000 })
    const resumed = await postToAgent(simulator.url, '/api/agent/resume', { jobId }, CREDENTIALS)
    expect(done(resumed)).toMatchObject({ name: 'done', data: { success: true } })
    expect(done(resumed)?.data.data.composition.tracks.length).toBeGreaterThan(0)
    expect(simulator.admin.job(jobId)?.scenes.map((scene) => scene.generations)).toEqual([
      1, 1, 1, 1, 1, 1,
    ])
    expect(await checkForResume(simulator.url, 7, CREDENTIALS)).toBe(null)
  })

  it('makes a short edit', async () => {
    const edit = await postToAgent(
      simulator.url,
      '/api/agent',
      {
        message: "Add a centered title 'Summer Sale' for 3 seconds.",
        composition: { tracks: [] },
        projectId: 8,
      },
      CREDENTIALS,
    )
    expect(names(edit)).toEqual(['tool_start', 'tool_end', 'done'])
    const items = Object.values(done(edit)?.data.data.composition.items ?? {})
    expect(items).toEqual([expect.objectContaining({ type: 'text', text: 'Summer Sale' })])
  })
})
