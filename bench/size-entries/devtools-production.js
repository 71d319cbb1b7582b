// What the default entry of @kvidai/agent-devtools adds to an app's production build: the
// panel is dropped (NODE_ENV is production), only the switch that renders nothing is left.
import { KvidAgentDevtools } from '../../packages/agent-devtools/dist/index.js'

console.log(KvidAgentDevtools)
