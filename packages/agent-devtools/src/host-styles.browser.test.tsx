import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { KvidAgentDevtools } from './production'
import { AgentHarness, setupSimulator } from './test-utils'

const simulator = setupSimulator()

/** A host page with loud element rules, as many apps have. */
const HOST_CSS = `
  body { text-align: center; line-height: 3; }
  button { color: rgb(255, 0, 0); font-size: 40px; text-transform: uppercase; }
  h2 { font-size: 48px; margin: 40px; }
`

let style: HTMLStyleElement | undefined
afterEach(() => style?.remove())

describe('the devtools beside a host stylesheet (Chromium)', () => {
  it('take none of the host’s element styles and leak none of their own', () => {
    style = document.createElement('style')
    style.textContent = HOST_CSS
    document.head.append(style)
    render(
      <AgentHarness simulator={simulator}>
        <button type="button">Host button</button>
        <KvidAgentDevtools initialIsOpen />
      </AgentHarness>,
    )
    const tab = getComputedStyle(screen.getByRole('tab', { name: 'Runs' }))
    expect(tab.color).not.toBe('rgb(255, 0, 0)')
    expect(tab.fontSize).toBe('13px')
    expect(tab.textTransform).toBe('none')
    const title = getComputedStyle(screen.getByRole('heading', { name: 'Agent devtools' }))
    expect(title.fontSize).toBe('13px')
    expect(title.marginTop).toBe('0px')
    const panel = screen.getByRole('region', { name: 'Agent devtools' })
    expect(getComputedStyle(panel).textAlign).toBe('left')
    // The host's own button keeps the host's look.
    const host = getComputedStyle(screen.getByRole('button', { name: 'Host button' }))
    expect(host.color).toBe('rgb(255, 0, 0)')
    expect(host.fontSize).toBe('40px')
  })
})
