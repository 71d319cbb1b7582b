import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import readme from '../../../README.md?raw'
import { App } from './quickstart.example'
import example from './quickstart.example.tsx?raw'
import { proxyFetch } from './stories/proxy-fetch'
import { setupSimulator } from './test-utils'

const simulator = setupSimulator({ credits: 35 })
const proxy = proxyFetch(simulator)
// The page's own server: `/api/kvid/*` goes to the Agent API with the key added.
const server = setupServer(
  http.all('*/api/kvid/*', async ({ request }) => {
    const url = new URL(request.url)
    const upstream = `http://sim.test${url.pathname.replace('/api/kvid', '')}${url.search}`
    return proxy(upstream, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : await request.text(),
      signal: request.signal,
    })
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('the README quickstart is this file, and it gives a live board, resume button and credit dialog', async () => {
  expect(readme).toContain(example.trim())
  expect(example.trim().split('\n').length).toBeLessThanOrEqual(15)

  render(<App />)
  await userEvent.type(
    screen.getByLabelText('Instruction'),
    'Make an explainer about whales in 8 scenes',
  )
  await userEvent.click(screen.getByRole('button', { name: 'Run agent' }))
  await screen.findByRole('dialog', { name: 'Not enough credits' })
  await waitFor(() =>
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('3 of 8 scenes'),
  )
  await userEvent.click(screen.getByRole('button', { name: 'Close' }))
  expect(await screen.findByRole('button', { name: '▶ Resume 5 scenes' })).toBeTruthy()
})
