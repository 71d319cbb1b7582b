import type { AttachedFile } from '@kvidai/agent-core'
import { createContext, useContext } from 'react'
import type { PromptKey } from '../i18n/messages'

/** Something to tell the user before anything is sent. */
export interface PromptProblem {
  key: PromptKey
  params?: Record<string, string | number>
}

export interface PromptContextValue {
  /** The prefix of the element ids the parts label and describe each other with. */
  id: string
  message: string
  setMessage(message: string): void
  attachments: AttachedFile[]
  /** Checks and reads picked files, adding those that may be sent. */
  attach(files: FileList | null): Promise<void>
  remove(index: number): void
  problems: PromptProblem[]
  /** Files are being read: nothing can be sent yet. */
  reading: boolean
  /** Nothing can be typed, attached or sent. */
  disabled: boolean
  /** A run of the project streams: nothing can be sent. */
  running: boolean
}

export const PromptContext = createContext<PromptContextValue | null>(null)

/** The prompt its part is inside; a part outside one is a mistake worth naming. */
export function usePromptContext(part: string): PromptContextValue {
  const context = useContext(PromptContext)
  if (!context) throw new Error(`<AgentPrompt.${part}> must be inside <AgentPrompt.Root>.`)
  return context
}
