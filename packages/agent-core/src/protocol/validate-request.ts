import {
  AGENT_LIMITS,
  type AgentRunInput,
  LOCALES,
  type ResumeInput,
  type RetrySceneInput,
} from '@kvidai/agent-protocol'
import { AgentValidationError } from '../errors/agent-errors'

function fail(field: string, fix: string): never {
  throw new AgentValidationError({ field, fix })
}

function requireText(value: unknown, field: string) {
  if (typeof value !== 'string' || value === '') fail(field, 'required, a non-empty string.')
}

function checkLocale(locale: unknown) {
  if (locale !== undefined && !LOCALES.includes(locale as never)) {
    fail('locale', `use ${LOCALES.join(', ')} or leave it out.`)
  }
}

/** Checks a run request against the platform's limits; throws `AgentValidationError`. */
export function validateRunInput(input: AgentRunInput): void {
  const limits = AGENT_LIMITS
  const { message, composition, attachedFiles, chatHistory, selectedItemContext } = input
  if (typeof message !== 'string' || message.trim() === '') {
    fail('message', 'write an instruction.')
  }
  if (message.length > limits.messageMaxLength) {
    fail('message', `shorten to ${limits.messageMaxLength} characters.`)
  }
  if (typeof composition !== 'object' || !Array.isArray(composition?.tracks)) {
    fail('composition', 'send one with a tracks array.')
  }
  if (!Number.isFinite(input.projectId)) fail('projectId', 'give a numeric project id.')
  checkLocale(input.locale)
  if (attachedFiles) {
    if (attachedFiles.length > limits.attachmentsMax) {
      fail('attachedFiles', `attach ${limits.attachmentsMax} files at most.`)
    }
    attachedFiles.forEach((file, index) => {
      const field = `attachedFiles[${index}]`
      if (!limits.attachmentTypes.includes(file.type)) {
        fail(`${field}.type`, `use ${limits.attachmentTypes.join(', ')}.`)
      }
      if (!(file.size <= limits.attachmentMaxBytes)) {
        fail(`${field}.size`, 'keep each file to 50 MB.')
      }
    })
  }
  if (chatHistory) {
    if (chatHistory.length > limits.chatHistoryMax) {
      fail('chatHistory', `send the last ${limits.chatHistoryMax} entries at most.`)
    }
    chatHistory.forEach((entry, index) => {
      if (typeof entry.content !== 'string' || entry.content.length > limits.chatContentMaxLength) {
        fail(
          `chatHistory[${index}].content`,
          `condense to ${limits.chatContentMaxLength} characters.`,
        )
      }
    })
  }
  if (selectedItemContext && !limits.selectedItemTypes.includes(selectedItemContext.type)) {
    fail('selectedItemContext.type', 'select an image or video.')
  }
}

/** Checks a resume or retry-scene request; throws `AgentValidationError`. */
export function validateJobInput(input: ResumeInput | RetrySceneInput): void {
  requireText(input.jobId, 'jobId')
  if ('sceneId' in input) requireText(input.sceneId, 'sceneId')
  checkLocale(input.locale)
}
