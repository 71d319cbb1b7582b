import { KvidMessagesProvider } from '@kvidai/agent-ui'
import { es } from '@kvidai/agent-ui/locales/es'
import { ko } from '@kvidai/agent-ui/locales/ko'
import type { Decorator, Preview } from '@storybook/react-vite'
import { configure } from 'storybook/test'
import '../packages/agent-ui/src/styles/index.css'

// Play functions wait for real streams from the simulator: a wait that succeeds ends as soon
// as it does; one that fails reports after 10 s, not 1 s, which a busy machine can overrun.
configure({ asyncUtilTimeout: 10_000 })

/** Every language the toolbar offers: an app imports only the ones it speaks. */
const CATALOGS = { ko, es }

const withCatalogs: Decorator = (Story) => (
  <KvidMessagesProvider catalogs={CATALOGS}>
    <Story />
  </KvidMessagesProvider>
)

/** Puts the toolbar's theme on a wrapper; the components' own decorator will read `locale`. */
const withTheme: Decorator = (Story, context) => (
  <div
    data-kvid-theme={context.globals.theme}
    style={{
      padding: '1rem',
      background: 'var(--kvid-color-surface, #fff)',
      color: 'var(--kvid-color-text, #111827)',
    }}
  >
    <Story />
  </div>
)

const preview: Preview = {
  parameters: {
    // Every story must pass axe: in the test run a violation fails the story.
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ko', title: '한국어' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [withTheme, withCatalogs],
}

export default preview
