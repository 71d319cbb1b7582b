'use client'
import type { ReactElement } from 'react'
import type { KvidAgentDevtoolsProps } from './kvid-agent-devtools'
import * as devtools from './kvid-agent-devtools'

export type { KvidAgentDevtoolsProps }

/**
 * The agent devtools: a toggle button and a docked panel for every run in the surrounding
 * `KvidAgentProvider`. In a production build (`process.env.NODE_ENV === 'production'`) it
 * renders nothing, and a bundler drops the panel's code; import
 * `@kvidai/agent-devtools/production` to show it there on purpose.
 */
export const KvidAgentDevtools: (props: KvidAgentDevtoolsProps) => ReactElement | null =
  process.env.NODE_ENV === 'production' ? () => null : devtools.KvidAgentDevtools
