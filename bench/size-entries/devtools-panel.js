// The development panel of @kvidai/agent-devtools (the production entry), on top of
// react, agent-react and agent-core.
import { KvidAgentDevtools } from '../../packages/agent-devtools/dist/production.js'

console.log(KvidAgentDevtools)
