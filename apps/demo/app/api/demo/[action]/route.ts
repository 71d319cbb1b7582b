import { demoMode, sessionEmail, simulator } from '../../../../lib/agent-server'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ action: string }> }

/**
 * Demo-only controls of the embedded simulator: top up, stage a fault, read what the
 * SDK sent. Absent when the demo talks to the real API.
 */
export async function POST(request: Request, context: Context) {
  if (!demoMode) return new Response(null, { status: 404 })
  const { action } = await context.params
  const body = (await request.json().catch(() => ({}))) as Record<string, unknown>
  const admin = simulator().admin
  switch (action) {
    case 'top-up':
      return Response.json(admin.setUser(sessionEmail, { addCredits: Number(body.credits ?? 200) }))
    case 'credits':
      return Response.json(admin.setUser(sessionEmail, { credits: Number(body.credits ?? 0) }))
    case 'faults':
      admin.setFaults(body)
      return Response.json({ success: true })
    case 'reset':
      admin.reset()
      return Response.json({ success: true })
    default:
      return new Response(null, { status: 404 })
  }
}

export async function GET(_request: Request, context: Context) {
  if (!demoMode) return new Response(null, { status: 404 })
  const { action } = await context.params
  const admin = simulator().admin
  if (action === 'requests') return Response.json(admin.requests())
  if (action === 'jobs') return Response.json(admin.jobs())
  if (action === 'user') return Response.json(admin.getUser(sessionEmail) ?? null)
  return new Response(null, { status: 404 })
}
