import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN_HEADER } from './admin-guard'
import { startSimulator } from './node/index'
import { createSimulator, type Simulator } from './simulator'

const run = promisify(execFile)
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const TOKEN = 'a-token-for-the-security-tests'
const JSON_TYPE = { 'content-type': 'application/json' }
const DEMO = 'demo@example.com'

/** Asks the admin to give the demo user 0 credits; whether it did shows in the balance. */
function drain(simulator: Simulator, headers: Record<string, string>, base = 'http://sim.test') {
  return simulator.fetch(`${base}/__sim/users/${DEMO}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ credits: 0 }),
  })
}

describe('the admin surface without a token (tests in one process)', () => {
  const simulator = createSimulator({ admin: true })
  beforeEach(() => simulator.admin.reset())
  afterAll(() => simulator.close())
  const credits = () => simulator.admin.getUser(DEMO)?.credits

  it('serves requests that come from no browser, as before', async () => {
    expect((await drain(simulator, JSON_TYPE)).status).toBe(200)
    expect(credits()).toBe(0)
    expect((await simulator.fetch('http://sim.test/__sim/requests')).status).toBe(200)
  })

  it.each(['cross-site', 'same-site'])(
    'refuses Sec-Fetch-Site: %s with 403, and changes nothing',
    async (site) => {
      const response = await drain(simulator, { ...JSON_TYPE, 'sec-fetch-site': site })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ success: false, error: 'FORBIDDEN' })
      expect(credits()).toBe(1000)
    },
  )

  it.each(['https://evil.example', 'null', 'http://sim.test:8080'])(
    'refuses Origin: %s with 403, and changes nothing',
    async (origin) => {
      expect((await drain(simulator, { ...JSON_TYPE, origin })).status).toBe(403)
      expect(credits()).toBe(1000)
    },
  )

  it('refuses a cross-site GET too, whose answer would carry API keys', async () => {
    const response = await simulator.fetch(`http://sim.test/__sim/users/${DEMO}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('kvid_demo_key')
  })

  it('refuses "simple" requests: a change must say application/json (415)', async () => {
    for (const type of ['text/plain', 'text/plain; application/json', 'multipart/form-data']) {
      expect((await drain(simulator, { 'content-type': type })).status).toBe(415)
    }
    const reset = await simulator.fetch('http://sim.test/__sim/reset', { method: 'POST' })
    expect(reset.status).toBe(415)
    expect(credits()).toBe(1000)
    const charset = { 'content-type': 'Application/JSON; charset=utf-8' }
    expect((await drain(simulator, charset)).status).toBe(200)
  })

  it('lets same-origin pages on loopback through, and refuses a DNS-rebinding page', async () => {
    const page = { ...JSON_TYPE, 'sec-fetch-site': 'same-origin' }
    const local = 'http://127.0.0.1:4010'
    expect((await drain(simulator, { ...page, origin: local }, local)).status).toBe(200)
    const typed = { ...page, 'sec-fetch-site': 'none' }
    expect((await drain(simulator, typed, 'http://localhost:4010')).status).toBe(200)
    simulator.admin.reset()
    // The attacker's name now points at 127.0.0.1: same origin to the browser, not loopback here.
    const rebound = 'http://rebound.example:4010'
    const response = await drain(simulator, { ...page, origin: rebound }, rebound)
    expect(response.status).toBe(403)
    expect(credits()).toBe(1000)
  })

  it('sends no-store on every admin answer, refusals included', async () => {
    const answer = await simulator.fetch(`http://sim.test/__sim/users/${DEMO}`)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const refusal = await drain(simulator, { 'content-type': 'text/plain' })
    expect(refusal.headers.get('cache-control')).toBe('no-store')
  })
})

describe('the admin surface with a token', () => {
  const simulator = createSimulator({ admin: true, adminToken: TOKEN })
  afterAll(() => simulator.close())

  it('answers only requests that carry it in the header', async () => {
    const wrong = [TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.replace('a', 'b'), '']
    for (const token of wrong) {
      const response = await drain(simulator, { ...JSON_TYPE, [ADMIN_TOKEN_HEADER]: token })
      expect(response.status).toBe(401)
    }
    const query = await simulator.fetch(`http://sim.test/__sim/requests?token=${TOKEN}`)
    expect(query.status).toBe(401)
    expect(simulator.admin.getUser(DEMO)?.credits).toBe(1000)
    expect((await drain(simulator, { ...JSON_TYPE, [ADMIN_TOKEN_HEADER]: TOKEN })).status).toBe(200)
    expect(simulator.admin.getUser(DEMO)?.credits).toBe(0)
  })

  it('still refuses other sites, token or not', async () => {
    const headers = { ...JSON_TYPE, [ADMIN_TOKEN_HEADER]: TOKEN, 'sec-fetch-site': 'cross-site' }
    expect((await drain(simulator, headers)).status).toBe(403)
  })

  it('is never needed by simulator.admin in code', () => {
    expect(simulator.admin.setUser(DEMO, { credits: 7 }).credits).toBe(7)
  })

  it('must be a token worth the name', () => {
    for (const adminToken of ['short', 'has spaces in it, sixteen+', 'x'.repeat(257), 42]) {
      expect(() => createSimulator({ adminToken } as never)).toThrow(/^adminToken must be/)
    }
  })

  it('holds over HTTP', async () => {
    const served = await startSimulator({ adminToken: TOKEN })
    try {
      expect((await fetch(`${served.url}/__sim/requests`)).status).toBe(401)
      const answer = await fetch(`${served.url}/__sim/requests`, {
        headers: { [ADMIN_TOKEN_HEADER]: TOKEN },
      })
      expect(answer.status).toBe(200)
    } finally {
      await served.close()
    }
  })
})

describe('the CLI admin flag', () => {
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM')
  })

  /** Starts the built CLI and reads what it prints up to its admin line, if it has one. */
  async function startCli(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['dist/cli.js', '--port', '0', ...args], {
      cwd: packageRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    const output = await new Promise<string>((resolve, reject) => {
      let text = ''
      child.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString()
        if (/api-key kvid_demo_key\n(.*\n)?/.test(text) && text.endsWith('\n')) {
          setTimeout(() => resolve(text), 100)
        }
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${text}`)))
    })
    const url = /listening on (\S+)/.exec(output)?.[1] as string
    return { url, output }
  }

  it('serves no /__sim/ unless asked', async () => {
    const { url, output } = await startCli([])
    expect(output).not.toContain('admin')
    expect((await fetch(`${url}/__sim/requests`)).status).toBe(404)
    const reset = await fetch(`${url}/__sim/reset`, { method: 'POST', headers: JSON_TYPE })
    expect(reset.status).toBe(404)
  })

  it('with --admin, makes up a token, prints it, and wants it', async () => {
    const { url, output } = await startCli(['--admin'])
    const token = /x-sim-admin-token: (\S+)/.exec(output)?.[1] as string
    expect(token).toMatch(/^[\w-]{32}$/)
    expect((await fetch(`${url}/__sim/requests`)).status).toBe(401)
    const answer = await fetch(`${url}/__sim/requests`, {
      headers: { [ADMIN_TOKEN_HEADER]: token },
    })
    expect(answer.status).toBe(200)
    const other = await startCli(['--admin'])
    expect(/x-sim-admin-token: (\S+)/.exec(other.output)?.[1]).not.toBe(token)
  })

  it('takes the token from --admin-token or KVID_SIM_ADMIN_TOKEN, without printing it', async () => {
    const flagged = await startCli(['--admin', '--admin-token', TOKEN])
    expect(flagged.output).not.toContain(TOKEN)
    const headers = { [ADMIN_TOKEN_HEADER]: TOKEN }
    expect((await fetch(`${flagged.url}/__sim/requests`, { headers })).status).toBe(200)
    const environment = await startCli(['--admin'], { KVID_SIM_ADMIN_TOKEN: TOKEN })
    expect(environment.output).toContain('(from KVID_SIM_ADMIN_TOKEN)')
    expect((await fetch(`${environment.url}/__sim/requests`, { headers })).status).toBe(200)
  })

  it.each([
    [['--admin-token', TOKEN], /--admin-token needs --admin/],
    [['--admin', '--admin-token', 'short'], /--admin-token must be 16 to 256/],
    [['--admin', '--no-admin'], /contradict/],
  ])('%j is a usage error (exit 2)', async (args, pattern) => {
    const refused = await run(process.execPath, ['dist/cli.js', '--port', '0', ...args], {
      cwd: packageRoot,
    }).catch((error: { code: number; stderr: string }) => error)
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(pattern) })
  })
})
