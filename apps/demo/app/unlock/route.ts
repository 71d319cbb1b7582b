import { demoMode, isLocalSecret, SECRET_COOKIE } from '../../lib/agent-server'

export const dynamic = 'force-dynamic'

/**
 * With the real Agent API, opening `/unlock?secret=<KVID_DEMO_SECRET>` once lets this
 * browser use the agent: it gets a cookie only this site's pages send.
 */
export function GET(request: Request) {
  if (demoMode) return Response.redirect(new URL('/', request.url), 303)
  const given = new URL(request.url).searchParams.get('secret')
  if (!isLocalSecret(given)) return new Response('Wrong or missing secret.', { status: 403 })
  return new Response(null, {
    status: 303,
    headers: {
      location: '/',
      'set-cookie': `${SECRET_COOKIE}=${encodeURIComponent(given ?? '')}; Path=/; HttpOnly; SameSite=Strict`,
    },
  })
}
