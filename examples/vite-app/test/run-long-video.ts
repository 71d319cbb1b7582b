import type { Page } from 'playwright'

/** Types a long-video instruction, runs it, and waits until every scene on the board is complete. */
export async function runLongVideo(page: Page, scenes: number) {
  await page.getByLabel('Instruction').fill(`Make an explainer about whales in ${scenes} scenes`)
  await page.getByRole('button', { name: 'Run agent' }).click()
  await page.waitForFunction(
    (expected) =>
      document.querySelectorAll('[data-kvid-scene]').length === expected &&
      document.querySelectorAll('[data-kvid-scene]:not([data-state="complete"])').length === 0,
    scenes,
    { timeout: 30_000 },
  )
}
