import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'
import { sourceResolve } from '../vitest.shared.ts'

/**
 * The component workshop of agent-ui and agent-devtools; each package runs the stories in
 * its own folder as tests.
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: [
    '../packages/agent-ui/src/**/*.stories.@(ts|tsx)',
    '../packages/agent-devtools/src/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  // No network: no telemetry, no “what’s new” posts fetched into the manager.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories run on the workspace packages' TypeScript source, as the tests do.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, sourceResolve),
}

export default config
