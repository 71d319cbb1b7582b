// All three packages together, as a customer using the ready-made components bundles them.
import * as core from '../../packages/agent-core/dist/index.js'
import * as react from '../../packages/agent-react/dist/index.js'
import * as ui from '../../packages/agent-ui/dist/index.js'

console.log(ui, react, core)
