import { describe, expect, it } from 'vitest'
import { refuseCrossSite } from './refuse-cross-site'

const URL = 'http://app.test/api/demo/top-up'

function post(headers: Record<string, string>) {
  return new Request(URL, { method: 'POST', headers, body: '{}' })
}

describe('refuseCrossSite', () => {
  it('refuses another site’s page, by Sec-Fetch-Site or Origin', async () => {
    const bySite = refuseCrossSite(
      post({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }),
    )
    expect(bySite?.status).toBe(403)
    expect(await bySite?.json()).toMatchObject({ success: false, error: 'FORBIDDEN' })
    const byOrigin = refuseCrossSite(
      post({ origin: 'http://evil.test', 'content-type': 'application/json' }),
    )
    expect(byOrigin?.status).toBe(403)
  })

  it('refuses a body a page could send without asking first', () => {
    const simple = refuseCrossSite(
      post({ origin: 'http://app.test', 'content-type': 'text/plain; application/json' }),
    )
    expect(simple?.status).toBe(415)
    expect(simple?.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('lets this site’s pages and non-browser clients through', () => {
    expect(
      refuseCrossSite(
        post({
          origin: 'http://app.test',
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
        }),
      ),
    ).toBe(null)
    expect(refuseCrossSite(post({ 'content-type': 'application/json' }))).toBe(null)
    expect(refuseCrossSite(new Request(URL))).toBe(null)
  })

  it('takes a list of origins instead of the request’s own', () => {
    const options = { allowedOrigins: ['http://127.0.0.1:3000'] }
    const rebound = post({ origin: 'http://app.test', 'content-type': 'application/json' })
    expect(refuseCrossSite(rebound, options)?.status).toBe(403)
    const local = post({ origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' })
    expect(refuseCrossSite(local, options)).toBe(null)
  })
})
