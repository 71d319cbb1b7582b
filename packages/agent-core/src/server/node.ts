/**
 * The proxy on Node servers (Express, Fastify, `node:http`, Next.js's Pages Router):
 * `toNodeHandler(proxy)`. Needs `@hono/node-server` installed beside agent-core.
 *
 * @module node
 */
export type { NodeHandler, NodeRequest, WebHandler } from './to-node-handler'
export { toNodeHandler } from './to-node-handler'
