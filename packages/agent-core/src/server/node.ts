export type { NodeHandler, NodeRequest, WebHandler } from './to-node-handler'
export { toNodeHandler } from './to-node-handler'
