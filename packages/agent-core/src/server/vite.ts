export type { KvidAgentProxyOptions } from './vite-plugin'
export { kvidAgentProxy } from './vite-plugin'
