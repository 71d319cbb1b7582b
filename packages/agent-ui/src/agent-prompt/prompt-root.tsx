import type { AgentRunStartInput } from '@kvidai/agent-core'
import {
  AGENT_LIMITS,
  type AttachedFile,
  type ChatHistoryEntry,
  type CompositionInput,
  isRunning,
  type SelectedItemContext,
} from '@kvidai/agent-core'
import {
  useAgentCommands,
  useAgentSelector,
  useAgentStore,
  useControllableState,
} from '@kvidai/agent-react'
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { attachmentProblem, readAttachment } from '../read-attachment'
import { PromptContext, type PromptProblem } from './prompt-context'

export interface PromptRootProps
  extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit' | 'autoSave'> {
  projectId?: number
  /**
   * The composition the agent reasons over: a value, or a function read at submit.
   * Default: the run's latest composition (from its last checkpoint or done), or an empty
   * one before the project has any — pass it for a first run on a project with content.
   */
  composition?: CompositionInput | (() => CompositionInput)
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

/**
 * The prompt's form: holds the text (controlled or not) and the attachments, checks them
 * on submit and starts the run. Its parts (`Input`, `Attachments`, `Problems`, `Submit`)
 * render inside it in any order and layout.
 */
export const PromptRoot = forwardRef<HTMLFormElement, PromptRootProps>(function PromptRoot(
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
    children,
    ...props
  },
  ref,
) {
  const { start } = useAgentCommands({ projectId })
  const status = useAgentSelector((state) => state.status, { projectId })
  const running = isRunning({ status })
  const store = useAgentStore(projectId)
  const [message, setMessage] = useControllableState({
    value,
    defaultValue,
    onChange: onValueChange,
    caller: 'AgentPrompt',
  })
  // Set when this prompt sends; cleared once the server took the request (or refused it).
  const sent = useRef(false)
  const [attachments, setAttachments] = useState<AttachedFile[]>([])
  const [problems, setProblems] = useState<PromptProblem[]>([])
  const [reading, setReading] = useState(false)
  const id = useId()

  async function attach(files: FileList | null) {
    if (!files) return
    const found: PromptProblem[] = []
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on status changes only
  useEffect(() => {
    if (!sent.current || status === 'submitting') return
    sent.current = false
    if (!clearOnStart || !STARTED.has(status)) return
    setMessage('')
    setAttachments([])
  }, [status])

  function currentComposition(): CompositionInput {
    if (typeof composition === 'function') return composition()
    // Read when sent, so a checkpoint does not re-render the prompt.
    return composition ?? store.getState().composition ?? { tracks: [] }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    if (running || reading || disabled) return event.preventDefault()
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
      composition: currentComposition(),
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
    start(input)
  }

  // The root renders again whenever any of this changes, and its parts with it.
  const context = {
    id,
    message,
    setMessage,
    attachments,
    attach,
    remove: (index: number) => setAttachments((current) => current.filter((_, at) => at !== index)),
    problems,
    reading,
    disabled,
    running,
  }

  return (
    <PromptContext.Provider value={context}>
      <form
        data-kvid-prompt=""
        data-state={running ? 'running' : disabled ? 'disabled' : 'idle'}
        noValidate
        ref={ref}
        {...props}
        onSubmit={submit}
      >
        {children}
      </form>
    </PromptContext.Provider>
  )
})
