import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { startDemo } from './demo-server'

const API_KEY = 'kvid_demo_key'
let demo: Awaited<ReturnType<typeof startDemo>>
let browser: Browser
let page: Page

const api = (action: string, body?: object) => demo.api(action, body)

async function requests(): Promise<Record<string, number>> {
  return (await api('requests')).byRoute
}

async function jobs(): Promise<
  Array<{ jobId: string; email: string; status: string; scenes: Array<{ generations: number }> }>
> {
  return api('jobs')
}

async function runAgent(message: string) {
  await page.getByLabel('Instruction').fill(message)
  await page.getByRole('button', { name: 'Run agent' }).click()
}

async function sceneCount(state: string, count: number, timeout = 30_000) {
  await page.waitForFunction(
    ([wanted, expected]) =>
      document.querySelectorAll(`[data-kvid-scene][data-state="${wanted}"]`).length === expected,
    [state, count] as const,
    { timeout },
  )
}

beforeAll(async () => {
  demo = await startDemo({ KVID_SIM_SCENE_MS: '150' })
  browser = await chromium.launch(chromiumLaunchOptions())
})
afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})
beforeEach(async () => {
  await api('reset', {})
  page = await browser.newPage()
  await page.goto(demo.url)
})
afterEach(async () => {
  await page.close()
})

describe('the demo editor in Chromium', () => {
  it('runs a long video: every card completes and the timeline shows the scenes', async () => {
    expect(page.url()).toBe(`${demo.url}/projects/1`)
    await runAgent('Make an explainer about volcanoes in 6 scenes.')
    await sceneCount('complete', 6)
    expect(await page.locator('[data-kvid-item][data-type="image"]').count()).toBe(6)
    expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('6 of 6 scenes')
  })

  it('shows the devtools, opted in through their production entry: the run and its actions', async () => {
    await runAgent('Make an explainer about volcanoes in 6 scenes.')
    await sceneCount('complete', 6)
    await page.getByRole('button', { name: 'Agent devtools' }).click()
    const runs = page.getByRole('table', { name: 'Runs in this provider' })
    await runs.getByRole('cell', { name: '6/6' }).waitFor()
    await page.getByRole('tab', { name: 'Timeline' }).click()
    await page.locator('[data-part="timeline"] [data-type="done"]').waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Agent devtools' }).waitFor()
  })

  it('stops at 35 credits, tops up, resumes, and generates no scene twice', async () => {
    await api('credits', { credits: 35 })
    await runAgent('Make an explainer about volcanoes in 8 scenes.')
    const dialog = page.getByRole('dialog', { name: 'Not enough credits' })
    await dialog.waitFor()
    await page.getByRole('link', { name: 'Top up credits' }).click()
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('[data-kvid-dialog-proceed]')][0] as
        | HTMLButtonElement
        | undefined
      return button && !button.disabled
    })
    await page.getByRole('button', { name: 'Resume', exact: true }).click()
    await sceneCount('complete', 8)
    const [job] = await jobs()
    expect(job?.scenes.map((scene) => scene.generations)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
  })

  it('with no credits: refused, top up, "Try again" makes the video with two run requests in all', async () => {
    await api('credits', { credits: 0 })
    const runPosts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/kvid/api/agent')) {
        runPosts.push(request.url())
      }
    })
    await runAgent('Make an explainer about volcanoes in 8 scenes.')
    const dialog = page.getByRole('dialog', { name: 'Not enough credits' })
    await dialog.waitFor()
    expect(await dialog.getAttribute('data-state')).toBe('open')
    expect(await dialog.getAttribute('data-trigger')).toBe('refused')
    const toppedUp = page.waitForResponse((response) => response.url().endsWith('/api/demo/top-up'))
    await page.getByRole('link', { name: 'Top up credits' }).click()
    expect((await toppedUp).ok()).toBe(true)
    await page.getByRole('button', { name: 'Try again', exact: true }).click()
    await sceneCount('complete', 8)
    expect(runPosts).toHaveLength(2)
    expect((await requests())['POST /api/agent']).toBe(2)
    const [job] = await jobs()
    expect(job?.scenes.map((scene) => scene.generations)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
  })

  it('brings the board back after a reload mid-render, with "Resume N scenes" that finishes it', async () => {
    // The job holds after two scenes (event 11 is their second checkpoint), so the reload
    // lands mid-render however slow the machine: at this pace the rest would otherwise
    // finish before the server noticed the page went away, leaving nothing to resume.
    await api('faults', { stallAfterEvents: 11 })
    await runAgent('Make an explainer about volcanoes in 8 scenes.')
    await page.waitForFunction(
      () => document.querySelectorAll('[data-kvid-scene][data-state="complete"]').length >= 2,
    )
    await page.reload()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-kvid-scene][data-state="complete"]').length >= 2,
    )
    const resume = page.getByRole('button', { name: /^▶ Resume \d+ scenes?$/ })
    await resume.waitFor()
    const [job] = await jobs()
    const remaining = job?.scenes.filter((scene) => scene.generations === 0).length
    expect(await resume.textContent()).toBe(
      `▶ Resume ${remaining} scene${remaining === 1 ? '' : 's'}`,
    )
    await resume.click()
    await sceneCount('complete', 8)
    expect((await jobs())[0]?.scenes.every((scene) => scene.generations === 1)).toBe(true)

    // The next instruction after another reload edits the restored video, not an empty one.
    await page.reload()
    await sceneCount('complete', 8)
    const sent = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/api/kvid/api/agent'),
    )
    await runAgent("Add a centered title 'Summer Sale' for 3 seconds")
    const { composition } = (await sent).postDataJSON()
    expect(Object.keys(composition.items ?? {}).length).toBeGreaterThan(0)
  })

  it('retries a failed scene with exactly one retry-scene request', async () => {
    await api('faults', { failScenes: [1] })
    await runAgent('Make an explainer about volcanoes in 3 scenes.')
    const retry = page.getByRole('button', { name: 'Retry scene 2' })
    await page.waitForFunction(() => {
      const button = document.querySelector('[data-kvid-scene-retry]') as HTMLButtonElement | null
      return button && !button.disabled
    })
    await retry.click()
    await sceneCount('complete', 3)
    expect((await requests())['POST /api/agent/retry-scene']).toBe(1)
  })

  it('makes a short edit: a centered 3-second title', async () => {
    await runAgent("Add a centered title 'Summer Sale' for 3 seconds")
    const message = page.locator('[data-kvid-run-message]')
    await message.waitFor()
    expect(await message.textContent()).toBe('Added the text "Summer Sale" for 3 seconds.')
    expect(await page.locator('[data-kvid-item][data-type="text"]').textContent()).toBe(
      'Summer Sale',
    )
  })

  it('shows each reject code as a localized message, and the language switch changes every string', async () => {
    const codes: Record<string, string> = {
      UNAUTHORIZED: 'API key was not accepted',
      CONCURRENT_LIMIT: 'Another run is in progress — wait for it or resume',
      INSUFFICIENT_CREDIT: 'Not enough credits to start',
      MISSING_PARAMETERS: 'missing something',
      ZOMBIE_TIMEOUT: 'got stuck and was stopped',
      FORBIDDEN: 'may not change that project',
      PROJECT_NOT_FOUND: 'project no longer exists',
      INTERNAL_ERROR: 'problem on its side',
      JOB_NOT_FOUND: 'job no longer exists',
      rate_limited: 'Try again in 30 seconds',
      invalid_input: 'not accepted',
    }
    for (const [code, text] of Object.entries(codes)) {
      await api('faults', { reject: code })
      await runAgent('Make an explainer about volcanoes in 2 scenes.')
      const alert = page.locator(`[role="alert"][data-code="${code}"]`)
      await alert.waitFor()
      expect(await alert.textContent()).toContain(text)
      // The credit dialog opens for INSUFFICIENT_CREDIT and makes the page inert: close it first.
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Dismiss' }).click()
    }
    await api('faults', { reject: 'CONCURRENT_LIMIT' })
    await runAgent('Make an explainer about volcanoes in 2 scenes.')
    await page.locator('[data-kvid-error]').waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text a user sees
    const english = await page.getByRole('region', { name: 'Editor' }).innerText()
    for (const [language, expected] of [
      ['ko', ['지시사항', '에이전트 실행', '다른 실행이 진행 중입니다']],
      ['es', ['Instrucción', 'Ejecutar agente', 'Hay otra ejecución en curso']],
    ] as const) {
      await page.getByLabel('Language').selectOption(language)
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text a user sees
      const text = await page.getByRole('region', { name: 'Editor' }).innerText()
      for (const phrase of expected) expect(text).toContain(phrase)
      for (const phrase of [
        'Instruction',
        'Run agent',
        'Scene progress',
        'Ready',
        'No scenes yet',
        'Another run',
      ]) {
        if (english.includes(phrase)) expect(text).not.toContain(phrase)
      }
    }
  })

  it('never lets the API key reach the browser, and a forged email still runs as the session user', async () => {
    const seen: string[] = []
    page.on('request', (request) =>
      seen.push(request.url(), JSON.stringify(request.headers()), request.postData() ?? ''),
    )
    page.on('response', async (response) => {
      seen.push(JSON.stringify(await response.allHeaders()))
      seen.push(await response.text().catch(() => ''))
    })
    await runAgent('Make an explainer about volcanoes in 2 scenes.')
    await sceneCount('complete', 2)
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/kvid/api/agent', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          message: 'An explainer in 1 scene',
          composition: { tracks: [] },
          projectId: 9,
          email: 'attacker@example.com',
          apiKey: 'stolen',
        }),
      })
      await response.text()
      return response.status
    })
    expect(status).toBe(200)
    expect((await jobs()).map((job) => job.email)).toEqual(['demo@example.com', 'demo@example.com'])
    expect(seen.join('\n')).not.toContain(API_KEY)

    const staticRoot = fileURLToPath(new URL('../.next/static', import.meta.url))
    const files: string[] = []
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name)
        if (statSync(path).isDirectory()) walk(path)
        else files.push(path)
      }
    }
    walk(staticRoot)
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(API_KEY)
  })

  it('shows the first events while the stream is still open', async () => {
    await api('faults', { stallAfterEvents: 6 })
    await runAgent('Make an explainer about volcanoes in 8 scenes.')
    await sceneCount('running', 3)
    const [job] = await jobs()
    expect(job?.status).toBe('running')
  })
})
