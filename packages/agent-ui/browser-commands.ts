import type { BrowserCommand } from 'vitest/node'

/**
 * Commands that tests in Chromium call through `commands` from `vitest/browser`: they run
 * in Node with the page's Playwright handle.
 */

/** Emulates the system's colour scheme (`prefers-color-scheme`) for the page. */
export const emulateColorScheme: BrowserCommand<['light' | 'dark']> = async (context, scheme) => {
  if (!('page' in context)) throw new Error('emulateColorScheme needs the Playwright provider.')
  await (context.page as { emulateMedia(options: object): Promise<void> }).emulateMedia({
    colorScheme: scheme,
  })
}
