import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type NodeSimulator, startSimulator } from '@kvidai/agent-sim/node'
import { DEMO_USER, generations, paidRequests, stageShortage } from '@kvidai/agent-sim/testing'
import { afterEach, beforeEach, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./long-video.mjs', import.meta.url))

let simulator: NodeSimulator & { url: string }
let folder: string

beforeEach(async () => {
  simulator = await startSimulator({ sceneMs: 20 })
  folder = await mkdtemp(join(tmpdir(), 'kvid-node-script-'))
})
afterEach(async () => {
  await simulator.close()
  await rm(folder, { recursive: true, force: true })
})

/** Runs the script with `node` as a user would, with only the environment given here. */
function runScript(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function credentials() {
  return {
    KVID_API_URL: simulator.url,
    KVID_API_KEY: DEMO_USER.apiKey,
    KVID_EMAIL: DEMO_USER.email,
  }
}

/** The scenes the saved composition holds, by the simulator's item ids (`scene-3-visual`). */
async function savedScenes(file: string): Promise<number[]> {
  const composition = JSON.parse(await readFile(file, 'utf8')) as { items: Record<string, unknown> }
  return Object.keys(composition.items)
    .map((id) => /^scene-(\d+)-visual$/.exec(id)?.[1])
    .filter((number) => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

const EIGHT_SCENES = [1, 2, 3, 4, 5, 6, 7, 8]

it('makes every scene of a long video and saves the composition', async () => {
  const result = await runScript(['--out', 'video.json'], credentials())

  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toContain('plan: 8 scenes')
  expect(await savedScenes(join(folder, 'video.json'))).toEqual(EIGHT_SCENES)
  expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 0 })
})

it('stops short of credit, then resumes the same job through check-resume when run again', async () => {
  stageShortage(simulator, { scenes: 3 })
  const first = await runScript(['--out', 'video.json'], credentials())

  expect(first.code).toBe(3)
  expect(first.stdout).toContain('credits ran short after 3 of 8 scenes')
  expect(await savedScenes(join(folder, 'video.json'))).toEqual([1, 2, 3])

  simulator.admin.setUser(DEMO_USER.email, { addCredits: 100 })
  const second = await runScript(['--out', 'video.json'], credentials())

  expect(second.stderr).toBe('')
  expect(second.code).toBe(0)
  expect(second.stdout).toContain('5 of 8 scenes left')
  expect(await savedScenes(join(folder, 'video.json'))).toEqual(EIGHT_SCENES)
  // One run and one resume: nothing was sent twice, and no scene was made twice.
  expect(paidRequests(simulator)).toMatchObject({ run: 1, resume: 1 })
  const jobId = simulator.admin.jobs()[0]?.jobId
  expect(generations(simulator, jobId)).toEqual(EIGHT_SCENES.map(() => 1))
})

it('refuses to run without its credentials, and sends nothing', async () => {
  const result = await runScript([], { KVID_API_URL: simulator.url })

  expect(result.code).toBe(2)
  expect(result.stderr).toContain('Set KVID_API_URL, KVID_API_KEY and KVID_EMAIL.')
  expect(simulator.admin.requests().total).toBe(0)
})
