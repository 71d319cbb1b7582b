import { KvidAgentProvider } from '@kvidai/agent-react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AgentBoard } from './agent-board'
import './board.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

// `/api/kvid` is your server's proxy route: it adds the API key and the signed-in user.
// `userId` keeps the runs saved in this browser apart per account: use your user's id.
createRoot(root).render(
  <StrictMode>
    <KvidAgentProvider baseUrl="/api/kvid" projectId={1} locale="en" userId="demo-user">
      <AgentBoard />
    </KvidAgentProvider>
  </StrictMode>,
)
