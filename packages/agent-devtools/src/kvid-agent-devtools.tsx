'use client'
import type { ReactElement } from 'react'
import { DevtoolsPanel, type KvidAgentDevtoolsProps } from './devtools-panel'

export type { KvidAgentDevtoolsProps }

/**
 * The agent devtools, in any build: place it inside `KvidAgentProvider`. The package's
 * default entry renders nothing in production; `@kvidai/agent-devtools/production` gives
 * this one, for an app that wants the panel there on purpose.
 */
export function KvidAgentDevtools(props: KvidAgentDevtoolsProps): ReactElement | null {
  return <DevtoolsPanel {...props} />
}
