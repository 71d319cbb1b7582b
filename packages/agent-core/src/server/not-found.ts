import { reject } from './proxy-response'

/** Longest piece of the received path an answer repeats; the rest is cut. */
const SHOWN_PATH_LENGTH = 200

/** The path as the answer shows it: JSON-quoted, and cut when it is long. */
function shown(path: string): string {
  const cut = path.length > SHOWN_PATH_LENGTH ? `${path.slice(0, SHOWN_PATH_LENGTH)}…` : path
  return JSON.stringify(cut)
}

/**
 * The 404 for a path that is not an Agent API route. It names the path the proxy received and
 * the routes it serves under its base path, and recognises the common mistake: a framework
 * mount such as `app.use('/api/kvid', …)` removing the base path before the proxy sees it.
 */
export function notFound(
  pathname: string,
  { basePath, routes }: { basePath: string; routes: ReadonlySet<string> },
): Response {
  const served = [...routes].map((route) => `${basePath}${route}`).join(', ')
  let message = `No Agent API route at ${shown(pathname)}. This proxy serves ${served} (basePath ${JSON.stringify(basePath)}).`
  if (basePath !== '' && routes.has(pathname)) {
    message +=
      ' The path arrived without the base path: a mount such as app.use(basePath, …) or' +
      ' middlewares.use(basePath, …) removes it from req.url. Mount the proxy on the full path,' +
      ' or use toNodeHandler from @kvidai/agent-core/node, which reads req.originalUrl.'
  }
  return reject(404, 'NOT_FOUND', message)
}
