import { type Browser, chromium, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { serveBuiltApp } from './serve-app'

let app: Awaited<ReturnType<typeof serveBuiltApp>>
let browser: Browser
let page: Page

beforeAll(async () => {
  app = await serveBuiltApp()
  browser = await chromium.launch(chromiumLaunchOptions())
  page = await browser.newPage()
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe('the quickstart, built with Vite and served with the proxy', () => {
  it('renders in the template’s page, and its first request reaches the simulator through the proxy', async () => {
    const checked = page.waitForResponse((response) =>
      response.url().includes('/api/kvid/api/agent/check-resume'),
    )
    await page.goto(app.url)
    expect((await checked).status()).toBe(200)
    await expect(page.getByRole('main').count()).resolves.toBe(1)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Video editor',
    )
    await page.getByLabel('Instruction').waitFor()
    await page.getByRole('button', { name: 'Run agent' }).waitFor()
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Ready')
    // The template's own stylesheets are on the page, as in a new app.
    await expect(
      page.evaluate(() => getComputedStyle(document.getElementById('root') as Element).textAlign),
    ).resolves.toBe('center')
  })

  it('answers a cross-site request with a refusal, never passing it on', async () => {
    const response = await fetch(`${app.url}/api/kvid/api/agent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ message: 'An explainer in 2 scenes', composition: { tracks: [] } }),
    })
    expect(response.status).toBe(403)
  })
})
