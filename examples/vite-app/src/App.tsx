import { KvidAgentProvider } from '@kvidai/agent-react'
import * as Kvid from '@kvidai/agent-ui'
import '@kvidai/agent-ui/styles.css'

export default function App() {
  return (
    <KvidAgentProvider baseUrl="/api/kvid" projectId={1234} userId="demo-user">
      <main>
        <h1>Video editor</h1>
        <Kvid.AgentPrompt />
        <Kvid.RunStatus />
        <Kvid.AgentErrorNotice />
        <Kvid.ResumeButton />
        <Kvid.SceneProgressBoard />
        <Kvid.CompositionTimeline />
        <Kvid.CreditShortageDialog />
      </main>
    </KvidAgentProvider>
  )
}
