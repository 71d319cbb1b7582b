import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROFILE_DESCRIPTIONS, SIMULATOR_PROFILES } from './profiles'
import { post, readEvents } from './test-support'

const run = promisify(execFile)
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
/** The CLI serves its admin surface only when asked, and then only with a token. */
const ADMIN_TOKEN = 'cli-test-admin-token'
const ADMIN = { 'x-sim-admin-token': ADMIN_TOKEN }

let cli: ChildProcess
let url: string

/** Starts the built CLI, as `pnpm sim` does, on a free port. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/cli.js', '--port', '0', ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const address = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`kvid-sim exited early with ${code}: ${output}`)))
  })
  return { child, url: address }
}

beforeAll(async () => {
  ;({ child: cli, url } = await startCli([
    '--credits',
    '35',
    '--scene-ms',
    '20',
    '--seed',
    '3',
    '--admin',
    '--admin-token',
    ADMIN_TOKEN,
  ]))
})
afterAll(() => {
  cli.kill('SIGTERM')
})

describe('the CLI', () => {
  it('takes its flags: --credits reaches the seeded user, and it binds loopback', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const user = await (
      await fetch(`${url}/__sim/users/demo@example.com`, { headers: ADMIN })
    ).json()
    expect(user).toEqual({ email: 'demo@example.com', apiKey: 'kvid_demo_key', credits: 35 })
  })

  it('is what `pnpm sim` runs, so arguments after it reach the CLI', () => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
    expect(root.scripts.sim).toMatch(/node packages\/agent-sim\/dist\/cli\.js$/)
  })

  it('refuses a flag it does not know', async () => {
    await expect(
      run(process.execPath, ['dist/cli.js', '--bogus'], { cwd: packageRoot }),
    ).rejects.toThrow(/bogus/)
  })

  it('lists every profile in --help, one line each', async () => {
    const { stdout } = await run(process.execPath, ['dist/cli.js', '--help'], { cwd: packageRoot })
    const columns = stdout.split('\n').map((line) => line.trim().split(/ {2,}/))
    for (const profile of SIMULATOR_PROFILES) {
      expect(columns).toContainEqual([profile, PROFILE_DESCRIPTIONS[profile]])
    }
  })

  it('refuses an unknown profile with exit code 2, naming the valid ones', async () => {
    const refused = await run(process.execPath, ['dist/cli.js', '--profile', 'loud'], {
      cwd: packageRoot,
    }).catch((error: { code: number; stderr: string }) => error)
    expect(refused).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/loud.*standard, silent, heartbeat-events/),
    })
  })

  it('serves the profile it is given', async () => {
    const sparse = await startCli(['--profile', 'sparse', '--scene-ms', '10'])
    try {
      expect((await (await fetch(`${sparse.url}/`)).json()).profile).toBe('sparse')
      const edit = await readEvents(
        await post(fetch, sparse.url, '/api/agent', {
          message: "Add a title 'Hi'",
          composition: { tracks: [] },
          projectId: 1234,
          email: 'demo@example.com',
          apiKey: 'kvid_demo_key',
        }),
      )
      expect(edit.events.at(-1)?.json.data).toMatchObject({ projectId: '1234' })
      expect(edit.events.at(-1)?.json.data).not.toHaveProperty('messageKey')
    } finally {
      sparse.child.kill('SIGTERM')
    }
  })
})
