import { type Browser, chromium } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { startDemo } from './demo-server'

/**
 * What a careful reviewer tries against the running demo: no answer ever carries the
 * simulator's API key, the demo's own controls answer this site's pages only, and the
 * real-API mode refuses to start open to the network.
 */
const API_KEY = 'kvid_demo_key'
let demo: Awaited<ReturnType<typeof startDemo>>
let browser: Browser

beforeAll(async () => {
  demo = await startDemo({ KVID_SIM_SCENE_MS: '100' })
  browser = await chromium.launch(chromiumLaunchOptions())
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

describe('the demo server', () => {
  it('never sends the API key to the page, whatever the page does', async () => {
    const page = await browser.newPage()
    const bodies: string[] = []
    page.on('response', async (response) => {
      bodies.push(await response.text().catch(() => ''))
      for (const value of Object.values(response.headers())) bodies.push(value)
    })
    await page.goto(demo.url)
    await page.getByLabel('Instruction').fill('Make an explainer about tides in 3 scenes.')
    await page.getByRole('button', { name: 'Run agent' }).click()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-kvid-scene][data-state="complete"]').length === 3,
    )
    // The demo's own controls, as the page calls them.
    const answers = await page.evaluate(async () => {
      const call = (action: string, body?: object) =>
        fetch(`/api/demo/${action}`, {
          method: body ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json' },
          body: body ? JSON.stringify(body) : undefined,
        }).then((response) => response.text())
      return Promise.all([
        call('top-up', { credits: 10 }),
        call('credits', { credits: 500 }),
        call('user'),
        call('jobs'),
        call('requests'),
      ])
    })
    await page.reload()
    await page.close()
    expect(answers[2]).toContain('"credits":500')
    const everything = [...bodies, ...answers].join('\n')
    expect(everything.length).toBeGreaterThan(1000)
    expect(everything).not.toContain(API_KEY)
  })

  it('refuses the demo controls to another site’s page, and to simple requests', async () => {
    const crossSite = await post(
      '/api/demo/top-up',
      { credits: 100 },
      { origin: 'http://evil.test' },
    )
    expect(crossSite.status).toBe(403)
    const bySite = await post(
      '/api/demo/faults',
      { reject: 'UNAUTHORIZED' },
      {
        'sec-fetch-site': 'cross-site',
      },
    )
    expect(bySite.status).toBe(403)
    const simple = await fetch(`${demo.url}/api/demo/top-up`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"credits":100}',
    })
    expect(simple.status).toBe(415)
    const read = await fetch(`${demo.url}/api/demo/user`, {
      headers: { origin: 'http://evil.test' },
    })
    expect(read.status).toBe(403)
  })

  it('lets no page wipe the simulator, and takes only valid faults and amounts', async () => {
    const fromPage = await post(
      '/api/demo/reset',
      {},
      { origin: demo.url, 'sec-fetch-site': 'same-origin' },
    )
    expect(fromPage.status).toBe(403)
    const badFault = await post('/api/demo/faults', { cutAfterEvents: 'soon' })
    expect(badFault.status).toBe(400)
    const unknownFault = await post('/api/demo/faults', { deleteEverything: true })
    expect(unknownFault.status).toBe(400)
    const badAmount = await post('/api/demo/top-up', { credits: 1e12 })
    expect(badAmount.status).toBe(400)
  })

  it('serves no simulator admin surface through the proxy', async () => {
    const response = await fetch(`${demo.url}/api/kvid/__sim/users/demo@example.com`)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(API_KEY)
  })
})

describe('the real-API mode', () => {
  it('refuses to start without a local secret', async () => {
    await expect(
      startDemo({
        KVID_API_URL: 'http://127.0.0.1:9',
        KVID_API_KEY: 'real-key',
        KVID_DEMO_SECRET: '',
      }),
    ).rejects.toThrow(/KVID_DEMO_SECRET/)
  })
})
