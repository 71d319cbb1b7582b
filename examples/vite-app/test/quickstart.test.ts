import { fileURLToPath } from 'node:url'
import { type Browser, chromium } from 'playwright'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumLaunchOptions } from '../../../chromium.ts'
import { runLongVideo } from './run-long-video'
import { serveBuiltApp } from './serve-app'

describe('the README quickstart as written', () => {
  it('typechecks in the app, with the packages’ published types', () => {
    const configPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url))
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      { noEmit: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )
    if (!config) throw new Error('tsconfig.json could not be read.')
    const program = ts.createProgram(
      [...config.fileNames, fileURLToPath(new URL('../src/main.tsx', import.meta.url))],
      config.options,
    )
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${diagnostic.file.fileName.split('/examples/vite-app/')[1]}:${
            diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
          } `
        : ''
      return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
    })
    expect(problems).toEqual([])
  })
})

describe('the quickstart, built and run in Chromium', () => {
  let app: Awaited<ReturnType<typeof serveBuiltApp>>
  let browser: Browser
  beforeAll(async () => {
    // Slow enough scenes that a 30-scene video is still running when a second one is asked for.
    app = await serveBuiltApp({ sceneMs: 300 })
    browser = await chromium.launch(chromiumLaunchOptions())
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('makes a long video: every scene completes, and the timeline shows each scene’s picture', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    await runLongVideo(page, 4)
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Finished')
    const pictures = page.locator('[data-kvid-timeline] img')
    await expect(pictures.count()).resolves.toBe(4)
    await expect(
      pictures.evaluateAll((images) =>
        images.every((image) => (image as HTMLImageElement).naturalWidth > 0),
      ),
    ).resolves.toBe(true)
    await page.close()
  })

  it('shows an error when a run is refused before it streams (another run is in progress)', async () => {
    // Two browser profiles of one user: the second run is refused with CONCURRENT_LIMIT.
    const first = await (await browser.newContext()).newPage()
    const second = await (await browser.newContext()).newPage()
    await Promise.all([first.goto(app.url), second.goto(app.url)])
    await first.getByLabel('Instruction').fill('Make an explainer about whales in 30 scenes')
    await first.getByRole('button', { name: 'Run agent' }).click()
    await first.locator('[data-kvid-scene][data-state="running"]').first().waitFor()
    await second.getByLabel('Instruction').fill('Make an explainer about tides in 2 scenes')
    await second.getByRole('button', { name: 'Run agent' }).click()
    const alert = second.getByRole('alert')
    await alert.waitFor()
    await expect(alert.getAttribute('data-code')).resolves.toBe('CONCURRENT_LIMIT')
    await first.context().close()
    await second.context().close()
  })
})

describe('the quickstart when credits run short', () => {
  let app: Awaited<ReturnType<typeof serveBuiltApp>>
  let browser: Browser
  beforeAll(async () => {
    app = await serveBuiltApp({ credits: 35 })
    browser = await chromium.launch(chromiumLaunchOptions())
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('opens the credit dialog, keeps the finished scenes and offers to resume the rest', async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    await page.getByLabel('Instruction').fill('Make an explainer about whales in 8 scenes')
    await page.getByRole('button', { name: 'Run agent' }).click()
    await page.getByRole('dialog', { name: 'Not enough credits' }).waitFor()
    await page.waitForFunction(
      () =>
        document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext') ===
        '3 of 8 scenes',
    )
    await page.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: '▶ Resume 5 scenes' }).waitFor()
    await page.close()
  })
})
