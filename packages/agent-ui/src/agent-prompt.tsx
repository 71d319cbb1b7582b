import type { AgentRunStartInput } from '@kvidai/agent-core'
import {
  AGENT_LIMITS,
  type AttachedFile,
  type ChatHistoryEntry,
  type CompositionInput,
  type SelectedItemContext,
} from '@kvidai/agent-core'
import { useAgentRun } from '@kvidai/agent-react'
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { type PromptKey, promptMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
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
  /** Controlled: the instruction's text. */
  value?: string
  /** Uncontrolled: the text it starts with. */
  defaultValue?: string
  onValueChange?: (value: string) => void
  /** Nothing can be typed, attached or sent. */
  disabled?: boolean
  /**
   * Called with what is about to be sent, before it is: call `event.preventDefault()` to
   * send nothing (to confirm the cost first, log, or send it your own way).
   */
  onSubmit?: (
    input: Omit<AgentRunStartInput, 'projectId'>,
    event: FormEvent<HTMLFormElement>,
  ) => void
  /** Whether the text and attachments clear once the run has started. Default true. */
  clearOnStart?: boolean
}

/** Statuses that mean the server took the request: the prompt's text went through. */
const STARTED = new Set(['streaming', 'done', 'failed', 'interrupted', 'stopped'])

interface Problem {
  key: PromptKey
  params?: Record<string, string | number>
}

/**
 * The instruction box: a message and attachments (images, video, audio, PDF or text, at
 * most 10 files of 50 MB each), checked before anything is sent. Controlled or not
 * (`value`/`defaultValue`/`onValueChange`); `onSubmit` sees the request first and can
 * cancel it; the text clears once the run has started unless `clearOnStart={false}`.
 */
export const AgentPrompt = forwardRef<HTMLFormElement, AgentPromptProps>(function AgentPrompt(
  {
    projectId,
    composition,
    templateId,
    selectedItemContext,
    chatHistory,
    autoSave,
    value,
    defaultValue = '',
    onValueChange,
    disabled = false,
    onSubmit,
    clearOnStart = true,
    ...props
  },
  ref,
) {
  const translate = useMessages(promptMessages)
  const run = useAgentRun({ projectId })
  const [ownMessage, setOwnMessage] = useState(defaultValue)
  const message = value ?? ownMessage
  function setMessage(next: string) {
    if (value === undefined) setOwnMessage(next)
    onValueChange?.(next)
  }
  // Set when this prompt sends; cleared once the server took the request (or refused it).
  const sent = useRef(false)
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

  const { status } = run
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on status changes only
  useEffect(() => {
    if (!sent.current || status === 'submitting') return
    sent.current = false
    if (!clearOnStart || !STARTED.has(status)) return
    setMessage('')
    setAttachments([])
  }, [status])

  function submit(event: FormEvent<HTMLFormElement>) {
    if (run.isRunning || reading || disabled) return event.preventDefault()
    const text = message.trim()
    if (text.length === 0) {
      event.preventDefault()
      return setProblems([{ key: 'prompt.empty' }])
    }
    if (text.length > AGENT_LIMITS.messageMaxLength) {
      event.preventDefault()
      return setProblems([
        { key: 'prompt.tooLong', params: { max: AGENT_LIMITS.messageMaxLength } },
      ])
    }
    setProblems([])
    const input = {
      message: text,
      composition: typeof composition === 'function' ? composition() : composition,
      templateId,
      selectedItemContext,
      chatHistory,
      autoSave,
      ...(attachments.length > 0 ? { attachedFiles: attachments } : {}),
    }
    onSubmit?.(input, event)
    const cancelled = event.defaultPrevented
    // The page never navigates: the form is sent by the SDK, not the browser.
    event.preventDefault()
    if (cancelled) return
    sent.current = true
    run.start(input)
  }

  return (
    <form
      data-kvid-prompt=""
      data-state={run.isRunning ? 'running' : disabled ? 'disabled' : 'idle'}
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
        disabled={disabled}
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
        disabled={reading || disabled}
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
      <button
        type="submit"
        aria-disabled={run.isRunning || reading || disabled}
        data-kvid-prompt-submit=""
      >
        {translate('prompt.submit')}
      </button>
    </form>
  )
})
