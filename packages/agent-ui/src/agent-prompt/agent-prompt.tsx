import { forwardRef } from 'react'
import { PromptAttachments } from './prompt-attachments'
import { PromptInput } from './prompt-input'
import { PromptProblems } from './prompt-problems'
import { PromptRoot, type PromptRootProps } from './prompt-root'
import { PromptSubmit } from './prompt-submit'

export type AgentPromptProps = PromptRootProps

/**
 * The ready-made instruction box: a message and attachments (images, video, audio, PDF or
 * text, at most 10 files of 50 MB each), checked before anything is sent. Controlled or
 * not (`value`/`defaultValue`/`onValueChange`); `onSubmit` sees the request first and can
 * cancel it; the text clears once the run has started unless `clearOnStart={false}`.
 * Built from the parts below, for a prompt of your own layout.
 */
const ComposedPrompt = forwardRef<HTMLFormElement, AgentPromptProps>(
  function AgentPrompt(props, ref) {
    return (
      <PromptRoot ref={ref} {...props}>
        <PromptInput />
        <PromptAttachments />
        <PromptProblems />
        <PromptSubmit />
      </PromptRoot>
    )
  },
)

export const AgentPrompt = Object.assign(ComposedPrompt, {
  Root: PromptRoot,
  Input: PromptInput,
  Attachments: PromptAttachments,
  Problems: PromptProblems,
  Submit: PromptSubmit,
})
