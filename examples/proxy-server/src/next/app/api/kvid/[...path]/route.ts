// app/api/kvid/[...path]/route.ts — the App Router: the proxy is the route handler itself.
import { proxy } from '../../../../kvid-proxy'

export const dynamic = 'force-dynamic' // never cache or buffer the event stream

export { proxy as GET, proxy as POST }
