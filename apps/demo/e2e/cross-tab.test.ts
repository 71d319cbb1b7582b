import { type Browser, type BrowserContext, chromium, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { startDemo } from './demo-server'

// The demo opened in several tabs of one browser context (one origin, one user): one tab
// runs, the others mirror it through Web Locks and BroadcastChannel.

let demo: Awaited<ReturnType<typeof startDemo>>
let browser: Browser
let context: BrowserContext

const api = (action: string, body?: object) => demo.api(action, body)

const requests = async (): Promise<Record<string, number>> => {
  const counts = (await api('requests')).byRoute as Record<string, number>
  return new Proxy(counts, { get: (target, key: string) => target[key] ?? 0 })
}
const RUN = 'POST /api/agent'
const RESUME = 'POST /api/agent/resume'
const CHECK = 'GET /api/agent/check-resume'

async function openTab(): Promise<Page> {
  const page = await context.newPage()
  await page.goto(demo.url)
  await page.getByRole('button', { name: 'Run agent' }).waitFor()
  return page
}

async function runAgent(page: Page, message: string) {
  await page.getByLabel('Instruction').fill(message)
  await page.getByRole('button', { name: 'Run agent' }).click()
}

/** Waits until at least `count` scene cards show `state` (a busy page may skip a count). */
async function sceneCount(page: Page, state: string, count: number, timeout = 30_000) {
  await page.waitForFunction(
    ([wanted, expected]) =>
      document.querySelectorAll(`[data-kvid-scene][data-state="${wanted}"]`).length >= expected,
    [state, count] as const,
    { timeout },
  )
}

/** What a tab shows: each scene card's state and the timeline's items, in order. */
const shown = (page: Page) =>
  page.evaluate(() => ({
    scenes: [...document.querySelectorAll('[data-kvid-scene]')].map((scene) =>
      scene.getAttribute('data-state'),
    ),
    items: [...document.querySelectorAll('[data-kvid-item]')].map(
      (item) => `${item.getAttribute('data-type')}:${item.textContent}`,
    ),
  }))

const status = (page: Page) => page.locator('[data-kvid-run-status-text]').textContent()

beforeAll(async () => {
  demo = await startDemo({ KVID_SIM_SCENE_MS: '400' })
  browser = await chromium.launch(chromiumLaunchOptions())
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})
beforeEach(async () => {
  await api('reset', {})
  context = await browser.newContext()
})
afterEach(async () => {
  await context.close()
})

describe('one run, every tab (Chromium)', () => {
  it('mirrors an 8-scene video in a tab opened before and one opened during it, with one POST; Run in a mirror sends nothing and says why; Stop there stops the owner', async () => {
    const a = await openTab()
    const before = await openTab()
    await runAgent(a, 'Make an explainer about volcanoes in 8 scenes.')
    await sceneCount(before, 'complete', 1)
    const during = await openTab()
    await sceneCount(during, 'complete', 8)
    await sceneCount(before, 'complete', 8)
    await sceneCount(a, 'complete', 8)
    await a.waitForFunction(() =>
      document.querySelector('[data-kvid-run-status-text]')?.textContent?.includes('Finished'),
    )
    await before.waitForFunction(() =>
      document.querySelector('[data-kvid-run-status-text]')?.textContent?.includes('Finished'),
    )
    const owner = await shown(a)
    expect(owner.items.length).toBeGreaterThan(0)
    expect(await shown(before)).toEqual(owner)
    expect(await shown(during)).toEqual(owner)
    expect((await requests())[RUN]).toBe(1)

    // A second run, stalled so it stays live: Run from a mirror, then Stop from a mirror.
    await api('faults', { stallAfterEvents: 8 })
    await runAgent(a, 'Make an explainer about glaciers in 8 scenes.')
    await before.locator('[data-kvid-run-elsewhere]').waitFor()
    expect(await before.locator('[data-kvid-run-elsewhere]').textContent()).toMatch(
      /Running in another tab/,
    )
    await before.getByLabel('Instruction').fill('Make an explainer about deserts in 8 scenes.')
    // The button is aria-disabled while the run streams (here or in another tab); a person
    // can still click it, and nothing goes out.
    await before.getByRole('button', { name: 'Run agent' }).click({ force: true })
    await before.waitForTimeout(500)
    expect((await requests())[RUN]).toBe(2)
    await before.getByRole('button', { name: 'Stop' }).click()
    await a.waitForFunction(() =>
      document.querySelector('[data-kvid-run-status-text]')?.textContent?.includes('Stopped'),
    )
    expect(await status(before)).toMatch(/Stopped/)
    expect((await requests())[RUN]).toBe(2)
  })

  it('offers "Resume N scenes" within 3 s of the owner tab closing, from one check-resume; one click finishes each scene once', async () => {
    const a = await openTab()
    const b = await openTab()
    const c = await openTab()
    // The stream goes quiet after two finished scenes, so tab A closes mid-run.
    await api('faults', { stallAfterEvents: 11 })
    await runAgent(a, 'Make an explainer about volcanoes in 8 scenes.')
    await sceneCount(b, 'complete', 2)
    const checksBefore = (await requests())[CHECK]
    const closed = Date.now()
    await a.close()
    const resume = b.getByRole('button', { name: /Resume \d+ scenes?/ })
    await resume.waitFor({ timeout: 3000 })
    expect(Date.now() - closed).toBeLessThan(3000)
    await c.getByRole('button', { name: /Resume \d+ scenes?/ }).waitFor({ timeout: 3000 })
    expect(((await requests())[CHECK] as number) - (checksBefore as number)).toBe(1)
    expect((await requests())[RESUME]).toBe(0)
    await resume.click()
    await sceneCount(b, 'complete', 8)
    await sceneCount(c, 'complete', 8)
    expect((await requests())[RESUME]).toBe(1)
    expect((await requests())[RUN]).toBe(1)
    const [job] = await api('jobs')
    expect(job.scenes.map((scene: { generations: number }) => scene.generations)).toEqual(
      Array(8).fill(1),
    )
  })

  it('offers the resume after offline → online with one check-resume GET and no POST', async () => {
    const a = await openTab()
    // The connection drops while the browser is offline: the simulator cuts the stream a few
    // events in, after the page went offline (emulation leaves an open stream alone).
    await api('faults', { cutAfterEvents: 12 })
    await runAgent(a, 'Make an explainer about volcanoes in 8 scenes.')
    await a.locator('[data-kvid-scene]').first().waitFor()
    await context.setOffline(true)
    await a.waitForFunction(() =>
      document.querySelector('[data-kvid-run-status-text]')?.textContent?.includes('Interrupted'),
    )
    // Whatever was asked while offline failed; let the reminders run out.
    await a.waitForTimeout(3500)
    const before = await requests()
    await context.setOffline(false)
    await a.getByRole('button', { name: /Resume \d+ scenes?/ }).waitFor({ timeout: 5000 })
    const after = await requests()
    expect((after[CHECK] as number) - (before[CHECK] as number)).toBe(1)
    expect(after[RUN]).toBe(1)
    expect(after[RESUME]).toBe(0)
  })

  it('badges the title of a hidden tab whose run finishes and shows a notification when the site may; restores the title when seen', async () => {
    const a = await openTab()
    const title = await a.title()
    // This headless Chromium answers `denied` even after `grantPermissions`, so the recorder
    // stands for a site the user has allowed.
    await recordNotifications(a, 'granted')
    await runAgent(a, 'Make an explainer about volcanoes in 3 scenes.')
    await hide(a, true)
    await a.waitForFunction((original) => document.title === `✓ Video ready — ${original}`, title)
    expect(await notifications(a)).toEqual({
      shown: [{ title: '✓ Video ready', body: title }],
      asked: 0,
    })
    await hide(a, false)
    expect(await a.title()).toBe(title)
  })

  it('shows no notification where the site may not, and never asks', async () => {
    const a = await openTab()
    await recordNotifications(a)
    expect(await a.evaluate(() => Notification.permission)).not.toBe('granted')
    const title = await a.title()
    await runAgent(a, 'Make an explainer about volcanoes in 3 scenes.')
    await hide(a, true)
    await a.waitForFunction((original) => document.title === `✓ Video ready — ${original}`, title)
    expect(await notifications(a)).toEqual({ shown: [], asked: 0 })
  })
})

/**
 * Records the notifications the page shows and its permission requests, with the browser's
 * own permission state unless one is given.
 */
async function recordNotifications(page: Page, permission?: NotificationPermission) {
  await page.evaluate((given) => {
    const real = window.Notification
    const record = { shown: [] as Array<{ title: string; body?: string }>, asked: 0 }
    Object.assign(window, { notificationRecord: record })
    class Recorded {
      static get permission() {
        return given ?? real.permission
      }
      static requestPermission() {
        record.asked++
        return Promise.resolve(real.permission)
      }
      constructor(title: string, options?: { body?: string }) {
        record.shown.push({ title, body: options?.body })
      }
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: Recorded })
  }, permission)
}

const notifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { notificationRecord: unknown }).notificationRecord)

/** Headless pages are always visible: tell the page it is hidden (or seen), as a switched-away tab is. */
async function hide(page: Page, hidden: boolean) {
  await page.evaluate(
    (state) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
      document.dispatchEvent(new Event('visibilitychange'))
    },
    hidden ? 'hidden' : 'visible',
  )
}
