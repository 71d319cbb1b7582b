// Tree-shaking: only ResumeButton from agent-ui. Must not contain the scene board.
import { ResumeButton } from '../../packages/agent-ui/dist/index.js'

console.log(ResumeButton)
