// What an app pulls in when it uses all of @kvidai/agent-core.
import * as core from '../../packages/agent-core/dist/index.js'

console.log(core)
