export type { AgentProxyOptions, AgentProxyUser } from './create-agent-proxy'
export { createAgentProxy } from './create-agent-proxy'
