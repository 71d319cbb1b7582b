import { agentProxy } from '../../../../lib/agent-server'

// Streams must never be cached or buffered.
export const dynamic = 'force-dynamic'

export const GET = agentProxy
export const POST = agentProxy
