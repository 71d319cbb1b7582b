export * from '@kvidai/agent-protocol'
export { parseAgentEvent } from './parse-event'
export { validateJobInput, validateRunInput } from './validate-request'
