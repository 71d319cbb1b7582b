import { refuseCrossSite } from '@kvidai/agent-core/server'
import { demoMode, sessionEmail, simulator } from '../../../../lib/agent-server'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ action: string }> }

const notFound = () => new Response(null, { status: 404 })

function refused(status: number, message: string) {
  return Response.json({ success: false, error: 'invalid_input', message }, { status })
}

/** Whether a browser sent it: browsers send one of these headers, servers and scripts neither. */
function fromBrowser(request: Request): boolean {
  return request.headers.has('origin') || request.headers.has('sec-fetch-site')
}

/** What the page may know of the demo user: never the API key. */
function balance() {
  const user = simulator().admin.getUser(sessionEmail)
  return { email: sessionEmail, credits: user?.credits ?? 0 }
}

/**
 * Demo-only controls of the embedded simulator: top up, stage a fault, read what the SDK
 * sent. Absent when the demo talks to the real API; this site's pages only; no answer
 * carries a key.
 */
export async function POST(request: Request, context: Context) {
  if (!demoMode) return notFound()
  const refusal = refuseCrossSite(request)
  if (refusal) return refusal
  const { action } = await context.params
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return refused(400, 'Send a JSON object.')
  }
  const admin = simulator().admin
  const credits = Number(body.credits)
  switch (action) {
    case 'top-up':
    case 'credits':
      if (!Number.isSafeInteger(credits) || credits < 0 || credits > 1_000_000) {
        return refused(400, 'credits: a whole number from 0 to 1,000,000.')
      }
      admin.setUser(sessionEmail, action === 'top-up' ? { addCredits: credits } : { credits })
      return Response.json(balance())
    case 'faults':
      try {
        admin.setFaults(body)
      } catch (error) {
        return refused(400, error instanceof Error ? error.message : 'Not a fault.')
      }
      return Response.json({ success: true })
    case 'reset':
      // Wipes every user and job: for test scripts on this machine, never for a page.
      if (fromBrowser(request)) return refused(403, 'reset is not available to pages.')
      admin.reset()
      return Response.json({ success: true })
    default:
      return notFound()
  }
}

export async function GET(request: Request, context: Context) {
  if (!demoMode) return notFound()
  const refusal = refuseCrossSite(request)
  if (refusal) return refusal
  const { action } = await context.params
  const admin = simulator().admin
  if (action === 'requests') return Response.json(admin.requests())
  if (action === 'jobs') return Response.json(admin.jobs())
  if (action === 'user') return Response.json(balance())
  return notFound()
}
