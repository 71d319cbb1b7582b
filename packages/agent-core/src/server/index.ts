export type {
  AgentProxyOptions,
  AgentProxyRequestEvent,
  AgentProxyResponseEvent,
  AgentProxyRoute,
  AgentProxyUser,
} from './agent-proxy-options'
export { createAgentProxy } from './create-agent-proxy'
