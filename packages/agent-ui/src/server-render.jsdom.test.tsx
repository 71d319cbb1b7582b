// @vitest-environment node
import { KvidAgentProvider } from '@kvidai/agent-react'
import { createSimulator } from '@kvidai/agent-sim'
import { renderToString } from 'react-dom/server'
import { expect, it } from 'vitest'
import {
  AgentErrorNotice,
  AgentPrompt,
  CompositionTimeline,
  CreditShortageDialog,
  KvidMessagesProvider,
  ResumeButton,
  RunStatus,
  SceneProgressBoard,
  TemplateWarnings,
  ToolActivity,
} from './index'
import { ko } from './locales/ko'
import { proxyFetch } from './stories/proxy-fetch'

it('renders every component on the server without throwing or sending anything', async () => {
  const simulator = createSimulator()
  const html = renderToString(
    <KvidAgentProvider
      baseUrl="http://sim.test"
      fetch={proxyFetch(simulator)}
      projectId={1}
      locale="ko"
    >
      <KvidMessagesProvider catalogs={{ ko }}>
        <AgentPrompt composition={{ tracks: [] }} />
        <RunStatus />
        <ResumeButton />
        <SceneProgressBoard />
        <CompositionTimeline />
        <ToolActivity />
        <TemplateWarnings />
        <AgentErrorNotice />
        <CreditShortageDialog />
      </KvidMessagesProvider>
    </KvidAgentProvider>,
  )
  expect(html).toContain('data-kvid-board')
  expect(html).toContain('아직 장면이 없습니다')
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(simulator.admin.requests().total).toBe(0)
  expect('window' in globalThis).toBe(false)
})
