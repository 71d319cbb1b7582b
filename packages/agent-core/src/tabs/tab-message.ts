import type { ResumableJob } from '@kvidai/agent-protocol'
import type { RunLogEntry } from '../state/run-action'
import type { AgentRunSnapshot } from '../store/run-snapshot'

/** What tabs of one project say to each other. Sent as JSON, so errors travel as `toJSON`. */
export type TabMessage =
  /** The owner's run took a step. */
  | { kind: 'entry'; from: string; entry: RunLogEntry }
  /** A tab opened: is a run live? */
  | { kind: 'hello'; from: string }
  /** The owner to a new tab: the state before its request, and the request's log so far. */
  | {
      kind: 'catch-up'
      from: string
      to: string
      base: AgentRunSnapshot | null
      entries: RunLogEntry[]
    }
  /** A mirror's Stop, for the owner. */
  | { kind: 'stop'; from: string }
  /** The owner went away mid-run; the elected tab asked check-resume, and this is the answer. */
  | { kind: 'owner-gone'; from: string; job: ResumableJob | null | undefined }

export const encodeTabMessage = (message: TabMessage) => JSON.stringify(message)

/** A message from another tab, or null for anything else on the channel. */
export function decodeTabMessage(data: unknown): TabMessage | null {
  if (typeof data !== 'string') return null
  try {
    const message = JSON.parse(data) as TabMessage
    return typeof message?.kind === 'string' && typeof message.from === 'string' ? message : null
  } catch {
    return null
  }
}
