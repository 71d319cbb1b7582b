import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readmeQuickstart } from './readme-quickstart'

const app = readFileSync(new URL('../src/App.tsx', import.meta.url), 'utf8')

describe('the README quickstart', () => {
  it('is src/App.tsx, character for character', () => {
    expect(readmeQuickstart()).toBe(app)
  })

  it('replaces a new Vite app’s App.tsx: a default export with landmarks, status and errors', () => {
    const quickstart = readmeQuickstart()
    expect(quickstart).toMatch(/^export default function App\(\)/m)
    expect(quickstart).toMatch(/<KvidAgentProvider [^>]*userId=/)
    expect(quickstart).toMatch(/<main>[\s\S]*<h1>[\s\S]*<\/main>/)
    expect(quickstart).toContain('<Kvid.AgentPrompt />')
    expect(quickstart).toContain('<Kvid.RunStatus />')
    expect(quickstart).toContain('<Kvid.AgentErrorNotice />')
    expect(quickstart).not.toContain('composition=')
  })
})
