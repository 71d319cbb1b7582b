import { isJsonContentType } from './content-type'
import { crossSiteReason, normalizeOrigin } from './cross-site'
import { reject } from './proxy-response'

export interface SameSiteOptions {
  /** Origins whose pages may call; default the request's own. */
  allowedOrigins?: readonly string[]
}

/**
 * The refusal for a browser request from another site, or null when the request may go on:
 * 403 when `Sec-Fetch-Site` or `Origin` say another site sent it, 415 when a request with a
 * body is not exactly `application/json` (the only way a page on another site could post
 * without asking first). Only headers are read. The proxy guards its routes with this; use
 * it for any route of yours that acts for the signed-in user.
 */
export function refuseCrossSite(request: Request, options: SameSiteOptions = {}): Response | null {
  return checkSameSite(request, allowedOriginsOf(options))
}

export function allowedOriginsOf(options: SameSiteOptions): ReadonlySet<string> | null {
  return options.allowedOrigins ? new Set(options.allowedOrigins.map(normalizeOrigin)) : null
}

export function checkSameSite(
  request: Request,
  allowedOrigins: ReadonlySet<string> | null,
): Response | null {
  const crossSite = crossSiteReason(request, allowedOrigins)
  if (crossSite) return reject(403, 'FORBIDDEN', crossSite)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return reject(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.')
    }
  }
  return null
}
