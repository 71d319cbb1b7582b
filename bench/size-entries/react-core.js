// What an app pulls in when it uses all of @kvidai/agent-react and @kvidai/agent-core.
import * as core from '../../packages/agent-core/dist/index.js'
import * as react from '../../packages/agent-react/dist/index.js'

console.log(react, core)
