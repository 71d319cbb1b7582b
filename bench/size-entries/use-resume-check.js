// Tree-shaking: only useResumeCheck. Must not contain the scene board.
import { useResumeCheck } from '../../packages/agent-react/dist/index.js'

console.log(useResumeCheck)
