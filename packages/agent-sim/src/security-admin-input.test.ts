import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'

const simulator = createSimulator({ sceneMs: 5 })
beforeEach(() => simulator.admin.reset())
afterAll(() => simulator.close())

function send(method: string, path: string, body: unknown) {
  return simulator.fetch(`http://sim.test/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function refusedPaths(method: string, path: string, body: unknown) {
  const response = await send(method, path, body)
  expect(response.status).toBe(400)
  const answer = await response.json()
  expect(answer).toMatchObject({ success: false, error: 'invalid_input' })
  return answer.data.issues.map((issue: { path: string }) => issue.path)
}

/** Test rows as [field, how the value reads in the title, value]. */
function rows<Value>(table: Array<[string, Value, string?]>): Array<[string, string, Value]> {
  return table.map(([field, value, shown]) => [field, shown ?? JSON.stringify(value), value])
}

describe('faults are checked field by field', () => {
  it.each(
    rows<unknown>([
      ['failScenes', [-1]],
      ['failScenes', [1.5]],
      ['failScenes', ['1']],
      ['failScenes', 'all'],
      ['failScenes', Array.from({ length: 2001 }, () => 0), '2,001 indexes'],
      ['failVoices', [2000]],
      ['cutAfterEvents', -1],
      ['cutAfterEvents', 2.5],
      ['stallAfterEvents', '3'],
      ['malformedAfterEvents', 1_000_001],
      ['unknownEventAfterEvents', null],
      ['delayMs', -1],
      ['delayMs', 600_001],
      ['reject', 'NOPE'],
      ['persistent', 'yes'],
      ['explode', true],
    ]),
  )('refuses %s: %s, and stages nothing', async (field, _shown, value) => {
    expect(await refusedPaths('POST', '/faults', { [field]: value })).toEqual([field])
    expect(simulator.admin.faults()).toBeNull()
  })

  it('refuses what is not an object, or not JSON', async () => {
    expect(await refusedPaths('POST', '/faults', [1])).toEqual([''])
    expect(await refusedPaths('POST', '/faults', '{"cut')).toEqual([''])
  })

  it('takes every field at its limits', async () => {
    const fault = {
      failScenes: [0, 1999],
      failVoices: [],
      cutAfterEvents: 0,
      stallAfterEvents: 1_000_000,
      malformedAfterEvents: 3,
      unknownEventAfterEvents: 4,
      reject: 'rate_limited',
      delayMs: 600_000,
      persistent: false,
    }
    expect((await send('POST', '/faults', fault)).status).toBe(200)
    expect(simulator.admin.faults()).toEqual(fault)
  })

  it('throws a TypeError from admin.setFaults and the faults option alike', () => {
    expect(() => simulator.admin.setFaults({ delayMs: -1 })).toThrow(/^fault\.delayMs must be/)
    expect(() => simulator.admin.setFaults({ boom: 1 } as never)).toThrow(TypeError)
    expect(() => createSimulator({ faults: { cutAfterEvents: Number.NaN } })).toThrow(
      /^faults\.cutAfterEvents must be a whole number/,
    )
    expect(simulator.admin.faults()).toBeNull()
  })
})

describe('user changes are checked before anything changes', () => {
  const demo = 'demo@example.com'

  it.each(
    rows<Record<string, unknown>>([
      ['credits', { credits: -1 }],
      ['credits', { credits: '5' }],
      ['credits', { credits: 2 ** 53 }],
      ['credits', { credits: null }],
      ['addCredits', { addCredits: -1001 }],
      ['addCredits', { addCredits: '5' }],
      ['apiKey', { apiKey: '' }],
      ['apiKey', { apiKey: 'has space' }],
      ['apiKey', { apiKey: 'k'.repeat(257) }, '257 characters'],
      ['apiKey', { apiKey: 'line\nbreak' }],
      ['apiKey', { apiKey: 42 }],
      ['role', { role: 'admin' }],
    ]),
  )('refuses %s in %s', async (field, _shown, change) => {
    expect(await refusedPaths('PUT', `/users/${demo}`, change)).toEqual([field])
    expect(simulator.admin.getUser(demo)).toEqual({
      email: demo,
      apiKey: 'kvid_demo_key',
      credits: 1000,
    })
  })

  it("refuses another user's key, an overlong email, and what is not an object", async () => {
    simulator.admin.setUser('other@example.com', { apiKey: 'kvid_other', credits: 5 })
    expect(await refusedPaths('PUT', `/users/${demo}`, { apiKey: 'kvid_other' })).toEqual([
      'apiKey',
    ])
    expect(await refusedPaths('PUT', `/users/${'e'.repeat(321)}`, { credits: 1 })).toEqual([
      'email',
    ])
    expect(await refusedPaths('PUT', `/users/${demo}`, 'null')).toEqual([''])
    expect(simulator.admin.getUser(demo)?.apiKey).toBe('kvid_demo_key')
  })

  it('makes a change that keeps the rules', async () => {
    const response = await send('PUT', '/users/new@example.com', {
      apiKey: 'kvid_new',
      credits: 10,
      addCredits: 5,
    })
    expect(await response.json()).toEqual({
      email: 'new@example.com',
      apiKey: 'kvid_new',
      credits: 15,
    })
  })

  it('throws a TypeError from admin.setUser and the users option alike', () => {
    expect(() => simulator.admin.setUser(demo, { credits: Number.POSITIVE_INFINITY })).toThrow(
      /^user\.credits must be/,
    )
    expect(() =>
      createSimulator({ users: [{ email: 'x@example.com', apiKey: 'kvid_demo_key', credits: 1 }] }),
    ).toThrow(/^users\[0\]\.apiKey belongs to another user/)
    expect(() =>
      createSimulator({ users: [{ email: 'x@example.com', apiKey: 'k', credits: -1 }] }),
    ).toThrow(/^users\[0\]\.credits must be/)
  })
})
