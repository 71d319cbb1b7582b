// All of @kvidai/agent-ui; with agent-react and agent-core external this is its own cost.
import * as ui from '../../packages/agent-ui/dist/index.js'

console.log(ui)
