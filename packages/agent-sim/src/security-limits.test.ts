import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './node/index'
import { DEFAULT_MAX_BODY_BYTES } from './options'
import { MAX_ISSUES, runRequestIssues } from './request-limits'
import { createSimulator } from './simulator'
import { post, readEvents, runBody } from './test-support'

const base = 'http://sim.test'
const simulator = createSimulator({ sceneMs: 5, maxBodyBytes: 1024 * 1024 })
beforeEach(() => simulator.admin.reset())
afterAll(() => simulator.close())

const MB = 1024 * 1024
const file = (overrides: Record<string, unknown> = {}) => ({
  name: 'photo.png',
  type: 'image',
  mimeType: 'image/png',
  size: 50 * MB,
  base64: 'iVBORw0KGgo=',
  ...overrides,
})
const selected = (type: string) => ({
  itemId: 'item-1',
  type,
  assetId: 'asset-1',
  from: 0,
  durationInFrames: 30,
})

async function send(body: unknown, path = '/api/agent') {
  const response = await post(simulator.fetch, base, path, body)
  const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null
  if (!json) await readEvents(response)
  return { status: response.status, body: json }
}

async function issuesOf(overrides: Record<string, unknown>) {
  const answer = await send(runBody({ message: "Add a title 'A'", ...overrides }))
  expect(answer).toMatchObject({ status: 400, body: { success: false, error: 'invalid_input' } })
  return (answer.body.data.issues as Array<{ path: string; message: string }>).map(
    (issue) => issue.path,
  )
}

describe('the request limits of POST /api/agent', () => {
  it('accepts a request at every limit', async () => {
    const answer = await send(
      runBody({
        message: `Add a title 'A'${'x'.repeat(4000 - 15)}`,
        attachedFiles: Array.from({ length: 10 }, (_, index) =>
          file({ type: ['image', 'video', 'audio', 'pdf', 'text'][index % 5] }),
        ),
        chatHistory: Array.from({ length: 50 }, () => ({
          role: 'user',
          content: 'y'.repeat(8000),
        })),
        selectedItemContext: selected('video'),
      }),
    )
    expect(answer.status).toBe(200)
  })

  it('message: 4,000 characters at most, and a string', async () => {
    expect(await issuesOf({ message: 'x'.repeat(4001) })).toEqual(['message'])
    expect(await issuesOf({ message: 42 })).toEqual(['message'])
  })

  it('attachedFiles: 10 at most, each 50 MB at most and of a known type', async () => {
    expect(await issuesOf({ attachedFiles: Array.from({ length: 11 }, () => file()) })).toEqual([
      'attachedFiles',
    ])
    expect(await issuesOf({ attachedFiles: [file(), file({ size: 50 * MB + 1 })] })).toEqual([
      'attachedFiles[1].size',
    ])
    expect(await issuesOf({ attachedFiles: [file({ type: 'zip' })] })).toEqual([
      'attachedFiles[0].type',
    ])
    expect(await issuesOf({ attachedFiles: [file({ size: '1' }), 'photo'] })).toEqual([
      'attachedFiles[0].size',
      'attachedFiles[1]',
    ])
    expect(await issuesOf({ attachedFiles: { 0: file() } })).toEqual(['attachedFiles'])
  })

  it('attachedFiles: the base64 itself may not hold more than 50 MB, whatever size says', () => {
    const over = 'A'.repeat(Math.ceil((50 * MB * 4) / 3) + 4)
    expect(runRequestIssues(runBody({ attachedFiles: [file({ size: 1, base64: over })] }))).toEqual(
      [{ path: 'attachedFiles[0].base64', message: expect.any(String) }],
    )
  })

  it('chatHistory: 50 entries at most, each { role, content } with content up to 8,000', async () => {
    const entry = { role: 'assistant', content: 'ok' }
    expect(await issuesOf({ chatHistory: Array.from({ length: 51 }, () => entry) })).toEqual([
      'chatHistory',
    ])
    expect(
      await issuesOf({ chatHistory: [entry, { role: 'user', content: 'y'.repeat(8001) }] }),
    ).toEqual(['chatHistory[1].content'])
    expect(await issuesOf({ chatHistory: [{ content: 'hi' }, 'hi'] })).toEqual([
      'chatHistory[0].role',
      'chatHistory[1]',
    ])
  })

  it('selectedItemContext.type: image or video', async () => {
    expect(await issuesOf({ selectedItemContext: selected('audio') })).toEqual([
      'selectedItemContext.type',
    ])
    expect(await issuesOf({ selectedItemContext: 'item-1' })).toEqual(['selectedItemContext'])
  })

  it('lists every issue (up to 20) in data.issues, and names the first in message', async () => {
    const answer = await send(
      runBody({
        message: 'x'.repeat(4001),
        templateId: { id: 'sod' },
        chatHistory: Array.from({ length: 50 }, () => ({ role: 7, content: null })),
      }),
    )
    expect(answer.status).toBe(400)
    expect(answer.body.data.issues).toHaveLength(MAX_ISSUES)
    expect(answer.body.data.issues.slice(0, 3)).toEqual([
      { path: 'message', message: 'has 4,001 characters; at most 4,000.' },
      { path: 'templateId', message: 'must be a string.' },
      { path: 'chatHistory[0].role', message: 'must be a string.' },
    ])
    expect(answer.body.message).toMatch(
      /^message has 4,001 characters.*and 19 more in data\.issues/,
    )
  })

  it('keeps MISSING_PARAMETERS for absent fields, before any limit', async () => {
    const answer = await send({
      email: 'demo@example.com',
      apiKey: 'kvid_demo_key',
      attachedFiles: Array.from({ length: 11 }, () => file()),
    })
    expect(answer).toMatchObject({
      status: 400,
      body: {
        error: 'MISSING_PARAMETERS',
        data: { missing: ['message', 'composition', 'projectId'] },
      },
    })
  })

  it('refuses a 40,000-character message before reading it: no job, the staged fault untouched', async () => {
    simulator.admin.setFaults({ reject: 'CONCURRENT_LIMIT' })
    const hostile = `explainer about${' '.repeat(39_982)}y\nz`
    expect(hostile).toHaveLength(40_000)
    const answer = await send(runBody({ message: hostile }))
    expect(answer.status).toBe(400)
    expect(answer.body.data.issues).toEqual([
      { path: 'message', message: 'has 40,000 characters; at most 4,000.' },
    ])
    expect(simulator.admin.jobs()).toEqual([])
    expect(simulator.admin.faults()).toEqual({ reject: 'CONCURRENT_LIMIT' })
  })
})

describe('resume and retry-scene bodies', () => {
  const credentials = { email: 'demo@example.com', apiKey: 'kvid_demo_key' }

  it('take jobId and sceneId as strings of 128 characters at most', async () => {
    const long = await send({ ...credentials, jobId: 'j'.repeat(129) }, '/api/agent/resume')
    expect(long).toMatchObject({ status: 400, body: { error: 'invalid_input' } })
    expect(long.body.data.issues).toEqual([{ path: 'jobId', message: expect.any(String) }])
    const typed = await send(
      { ...credentials, jobId: 12, sceneId: { id: 'scene-1' } },
      '/api/agent/retry-scene',
    )
    expect(typed.body.data.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'jobId',
      'sceneId',
    ])
  })

  it('still answer JOB_NOT_FOUND for a well-formed id, and MISSING_PARAMETERS for none', async () => {
    expect(await send({ ...credentials, jobId: 'job_none' }, '/api/agent/resume')).toMatchObject({
      status: 404,
      body: { error: 'JOB_NOT_FOUND' },
    })
    expect(await send({ ...credentials, jobId: '' }, '/api/agent/resume')).toMatchObject({
      status: 400,
      body: { error: 'MISSING_PARAMETERS' },
    })
  })

  it('are read up to 64 KiB', async () => {
    const answer = await send(
      { ...credentials, jobId: 'job_x', padding: 'x'.repeat(64 * 1024) },
      '/api/agent/resume',
    )
    expect(answer).toMatchObject({ status: 413, body: { error: 'invalid_input' } })
  })
})

/** A body that never ends, in 64 KiB chunks, counting how many were pulled. */
function endlessBody() {
  const pulls = { count: 0, cancelled: false }
  const chunk = new TextEncoder().encode(`{"padding":"${'x'.repeat(64 * 1024 - 13)}`)
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls.count++
      controller.enqueue(chunk)
    },
    cancel() {
      pulls.cancelled = true
    },
  })
  return { stream, pulls }
}

describe('the body size bound', () => {
  const headers = { 'api-key': 'kvid_demo_key', 'content-type': 'application/json' }

  it('stops reading at the limit and answers 413 invalid_input', async () => {
    const { stream, pulls } = endlessBody()
    const response = await simulator.fetch(`${base}/api/agent`, {
      method: 'POST',
      headers,
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({
      success: false,
      error: 'invalid_input',
      data: { maxBytes: 1024 * 1024 },
    })
    // 1 MiB is 16 chunks; the 17th passes the limit and the stream is cancelled.
    expect(pulls.count).toBeLessThanOrEqual(18)
    expect(pulls.cancelled).toBe(true)
  })

  it('refuses a declared content-length over the limit without reading the body', async () => {
    const { stream, pulls } = endlessBody()
    const response = await simulator.fetch(`${base}/api/agent`, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(2 * 1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(pulls.count).toBeLessThanOrEqual(1)
    expect(pulls.cancelled).toBe(true)
  })

  it('is 80 MiB by default, and holds over HTTP', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(80 * MB)
    const served = await startSimulator({ maxBodyBytes: 64 * 1024 })
    try {
      const big = await post(fetch, served.url, '/api/agent', runBody({ padding: 'x'.repeat(MB) }))
      expect(big.status).toBe(413)
      expect((await big.json()).error).toBe('invalid_input')
      const fits = await post(
        fetch,
        served.url,
        '/api/agent',
        runBody({ message: "Add a title 'A'" }),
      )
      expect(fits.status).toBe(200)
      await readEvents(fits)
    } finally {
      await served.close()
    }
  })
})
