import { KvidAgentProvider } from '@kvidai/agent-react'
import * as Kvid from '@kvidai/agent-ui'
import '@kvidai/agent-ui/styles.css'

export function App() {
  return (
    <KvidAgentProvider baseUrl="/api/kvid" projectId={1234}>
      <Kvid.AgentPrompt composition={{ tracks: [] }} />
      <Kvid.ResumeButton />
      <Kvid.SceneProgressBoard />
      <Kvid.CreditShortageDialog />
    </KvidAgentProvider>
  )
}
