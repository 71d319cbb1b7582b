// The quickstart in the Vite template's page, checked for what the page's own styles do
// to the components: centred text, dark mode, axe in both schemes.
import { type Browser, chromium, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { axeViolations, centredSdkElements } from './page-checks'
import { runLongVideo } from './run-long-video'
import { serveBuiltApp } from './serve-app'

let app: Awaited<ReturnType<typeof serveBuiltApp>>
let browser: Browser
let page: Page

beforeAll(async () => {
  app = await serveBuiltApp()
  browser = await chromium.launch(chromiumLaunchOptions())
  page = await browser.newPage()
  await page.goto(app.url)
  await runLongVideo(page, 4)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

describe.each(['light', 'dark'] as const)('a finished long video in the %s scheme', (scheme) => {
  beforeAll(() => page.emulateMedia({ colorScheme: scheme }))

  it('has no axe violation of any impact', async () => {
    expect(await axeViolations(page)).toEqual([])
  })

  it('has no SDK element centred by the template’s `#root { text-align: center }`', async () => {
    expect(await centredSdkElements(page)).toEqual([])
  })
})
