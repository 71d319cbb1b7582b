'use client'
import * as devtools from './kvid-agent-devtools'

export type { KvidAgentDevtoolsProps } from './kvid-agent-devtools'

/**
 * The agent devtools: a toggle button and a docked panel for every run in the surrounding
 * `KvidAgentProvider`. In a production build (`process.env.NODE_ENV === 'production'`) it
 * renders nothing, and a bundler drops the panel's code; import
 * `@kvidai/agent-devtools/production` to show it there on purpose.
 */
export const KvidAgentDevtools: (typeof devtools)['KvidAgentDevtools'] =
  process.env.NODE_ENV === 'production' ? () => null : devtools.KvidAgentDevtools
