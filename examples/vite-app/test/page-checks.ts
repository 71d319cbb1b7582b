import axe from 'axe-core'
import type { Page } from 'playwright'

/** Every axe violation on the page, of any impact, as `id (impact): target…` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axe.source })
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    })
    return results.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`,
      ),
    )
  })
}

/**
 * The SDK's elements (those with a `data-kvid…` attribute, and what is inside them) whose
 * computed `text-align` is `center`, described by tag and attributes. Form controls are left
 * out: browsers centre a button's label themselves.
 */
export async function centredSdkElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const isSdk = (element: Element) =>
      [...element.attributes].some((attribute) => attribute.name.startsWith('data-kvid'))
    const roots = [...document.querySelectorAll('*')].filter(isSdk)
    const elements = new Set(roots.flatMap((root) => [root, ...root.querySelectorAll('*')]))
    const describe = (element: Element) =>
      `<${element.localName}${[...element.attributes]
        .filter((attribute) => attribute.name.startsWith('data-') || attribute.name === 'role')
        .map((attribute) => ` ${attribute.name}="${attribute.value}"`)
        .join('')}>`
    return [...elements]
      .filter((element) => !element.matches('button, input, select, textarea, option'))
      .filter((element) => getComputedStyle(element).textAlign === 'center')
      .map(describe)
  })
}
