import {
  AGENT_LIMITS,
  type AttachedFile,
  type ChatHistoryEntry,
  type CompositionInput,
  type SelectedItemContext,
} from '@kvidai/agent-core'
import { useAgentRun } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, type FormEvent, forwardRef, useId, useState } from 'react'
import type { MessageKey } from './i18n/en'
import { useTranslate } from './i18n/use-translate'
import { attachmentProblem, readAttachment } from './read-attachment'

export interface AgentPromptProps
  extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'autoSave'> {
  projectId?: number
  /** The composition the agent reasons over: a value, or a function read at submit. */
  composition: CompositionInput | (() => CompositionInput)
  templateId?: string
  selectedItemContext?: SelectedItemContext
  chatHistory?: ChatHistoryEntry[]
  autoSave?: boolean
}

interface Problem {
  key: MessageKey
  params?: Record<string, string | number>
}

/**
 * The instruction box: a message and attachments (images, video, audio, PDF or text, at
 * most 10 files of 50 MB each), checked before anything is sent.
 */
export const AgentPrompt = forwardRef<HTMLFormElement, AgentPromptProps>(function AgentPrompt(
  { projectId, composition, templateId, selectedItemContext, chatHistory, autoSave, ...props },
  ref,
) {
  const translate = useTranslate()
  const run = useAgentRun({ projectId })
  const [message, setMessage] = useState('')
  const [attachments, setAttachments] = useState<AttachedFile[]>([])
  const [problems, setProblems] = useState<Problem[]>([])
  const [reading, setReading] = useState(false)
  const id = useId()

  async function attach(files: FileList | null) {
    if (!files) return
    const found: Problem[] = []
    const accepted: File[] = []
    for (const file of Array.from(files)) {
      const problem = attachmentProblem(file, attachments.length + accepted.length)
      if (problem) found.push(problem)
      else accepted.push(file)
      // Every file after the limit is over it too: say so once.
      if (problem?.key === 'prompt.tooMany') break
    }
    setProblems(found)
    if (accepted.length === 0) return
    setReading(true)
    const results = await Promise.allSettled(accepted.map(readAttachment))
    setReading(false)
    const read: AttachedFile[] = []
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') read.push(result.value)
      else found.push({ key: 'prompt.readFailed', params: { name: accepted[index]?.name ?? '' } })
    })
    setAttachments((current) => [...current, ...read])
    setProblems(found)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (run.isRunning || reading) return
    const text = message.trim()
    if (text.length === 0) return setProblems([{ key: 'prompt.empty' }])
    if (text.length > AGENT_LIMITS.messageMaxLength) {
      return setProblems([
        { key: 'prompt.tooLong', params: { max: AGENT_LIMITS.messageMaxLength } },
      ])
    }
    setProblems([])
    void run.start({
      message: text,
      composition: typeof composition === 'function' ? composition() : composition,
      templateId,
      selectedItemContext,
      chatHistory,
      autoSave,
      ...(attachments.length > 0 ? { attachedFiles: attachments } : {}),
    })
  }

  return (
    <form
      data-kvid-prompt=""
      data-state={run.isRunning ? 'running' : 'idle'}
      noValidate
      ref={ref}
      {...props}
      onSubmit={submit}
    >
      <label htmlFor={`${id}-message`}>{translate('prompt.label')}</label>
      <textarea
        id={`${id}-message`}
        name="message"
        value={message}
        placeholder={translate('prompt.placeholder')}
        aria-invalid={
          problems.some(
            (problem) => problem.key === 'prompt.empty' || problem.key === 'prompt.tooLong',
          ) || undefined
        }
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => setMessage(event.target.value)}
      />
      <label htmlFor={`${id}-files`} data-kvid-prompt-attach="">
        {translate('prompt.attach')}
      </label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        accept="image/*,video/*,audio/*,application/pdf,text/*"
        // One pick at a time: the limit is checked against the files already read.
        disabled={reading}
        onChange={(event) => {
          void attach(event.target.files)
          event.target.value = ''
        }}
      />
      {attachments.length > 0 && (
        <ul aria-label={translate('prompt.attachments')} data-kvid-prompt-files="">
          {attachments.map((file, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be attached twice
            <li key={`${file.name}-${index}`} data-type={file.type}>
              {file.name}
              <button
                type="button"
                aria-label={translate('prompt.remove', { name: file.name })}
                onClick={() => setAttachments((current) => current.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {reading && <p role="status">{translate('prompt.reading')}</p>}
      {problems.length > 0 && (
        <ul id={`${id}-problems`} role="alert" data-kvid-prompt-problems="">
          {problems.map((problem) => (
            <li key={`${problem.key}-${String(problem.params?.name ?? '')}`}>
              {translate(problem.key, problem.params)}
            </li>
          ))}
        </ul>
      )}
      {/* aria-disabled keeps focus on the button while the run streams; submit checks it. */}
      <button type="submit" aria-disabled={run.isRunning || reading} data-kvid-prompt-submit="">
        {translate('prompt.submit')}
      </button>
    </form>
  )
})
