// @ts-check
import { JSX } from 'typedoc'

/**
 * A "Storybook" link at the top of the API reference's menu, on every page. `pnpm docs`
 * builds Storybook into the site's `storybook/` folder; TypeDoc's own `navigationLinks`
 * would print the same relative href on every page, which breaks on nested pages.
 *
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  app.renderer.hooks.on('sidebar.begin', (context) =>
    JSX.createElement(
      'nav',
      { class: 'tsd-navigation', 'aria-label': 'Related sites' },
      JSX.createElement(
        'a',
        { href: context.relativeURL('storybook/index.html') },
        'Components in Storybook',
      ),
    ),
  )
}
