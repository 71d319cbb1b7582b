export type {
  AgentProxyOptions,
  AgentProxyRequestEvent,
  AgentProxyResponseEvent,
  AgentProxyRoute,
  AgentProxyUser,
} from './agent-proxy-options'
export { createAgentProxy } from './create-agent-proxy'
export type { SameSiteOptions } from './refuse-cross-site'
export { refuseCrossSite } from './refuse-cross-site'
