'use client'
export type { KvidAgentDevtoolsProps } from './kvid-agent-devtools'
export { KvidAgentDevtools } from './kvid-agent-devtools'
