/**
 * The proxy on Vite's dev and preview servers: the `kvidAgentProxy({ … })` plugin. Needs
 * `@hono/node-server` installed beside agent-core.
 *
 * @module vite
 */
export type { KvidAgentProxyOptions } from './vite-plugin'
export { kvidAgentProxy } from './vite-plugin'
