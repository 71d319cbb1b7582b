import { CreditNotice } from './credit-notice'
import { PromptForm } from './prompt-form'
import { ResumeBanner } from './resume-banner'
import { SceneBoard } from './scene-board'

/** The whole editor panel, built only on the hooks; it goes inside a `KvidAgentProvider`. */
export function AgentBoard() {
  return (
    <main className="agent-board">
      <h1>Video agent</h1>
      <PromptForm />
      <ResumeBanner />
      <CreditNotice />
      <SceneBoard />
    </main>
  )
}
