// pages/api/kvid/[...path].ts — the Pages Router: Node's req and res, through toNodeHandler.
import { toNodeHandler } from '@kvidai/agent-core/node'
import { proxy } from '../../../kvid-proxy'

export const config = {
  // The proxy reads the body itself, within its size limit: Next.js must not parse it first.
  // responseLimit: an event stream of a long video may pass Next.js's 4 MB warning.
  api: { bodyParser: false, responseLimit: false },
}

export default toNodeHandler(proxy)
