import { AGENT_LIMITS, isObject } from '@kvidai/agent-protocol'

/** One way a request breaks the API's limits: where (`chatHistory[3].content`) and what. */
export interface RequestIssue {
  path: string
  message: string
}

/** At most this many issues are listed in one answer. */
export const MAX_ISSUES = 20

/** Lengths of the identifiers and URLs a request carries, in characters. */
export const FIELD_LENGTHS = {
  email: 320,
  apiKey: 256,
  jobId: 128,
  sceneId: 128,
  templateId: 128,
  itemId: 256,
  role: 64,
  url: 2048,
  fileName: 1024,
  mimeType: 255,
} as const

type Body = Record<string, unknown>

const count = new Intl.NumberFormat('en')

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null
}

/** Collects issues, keeping the first `MAX_ISSUES`. */
function createIssues() {
  const issues: RequestIssue[] = []
  function add(path: string, message: string) {
    if (issues.length < MAX_ISSUES) issues.push({ path, message })
  }
  /** A string of at most `longest` characters, when present (or always, when `required`). */
  function text(body: Body, name: string, path: string, longest: number, required = false) {
    const value = body[name]
    if (isAbsent(value) && !required) return
    if (typeof value !== 'string') add(path, 'must be a string.')
    else if (value.length > longest) {
      add(path, `has ${count.format(value.length)} characters; at most ${count.format(longest)}.`)
    }
  }
  return { issues, add, text }
}

type Issues = ReturnType<typeof createIssues>

function checkCredentials(body: Body, issues: Issues) {
  issues.text(body, 'email', 'email', FIELD_LENGTHS.email, true)
  issues.text(body, 'apiKey', 'apiKey', FIELD_LENGTHS.apiKey, true)
}

/** Decoded size of base64 text, without reading it. */
function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.floor((text.length * 3) / 4) - padding
}

function checkAttachments(files: unknown, issues: Issues) {
  if (isAbsent(files)) return
  if (!Array.isArray(files)) return issues.add('attachedFiles', 'must be an array.')
  if (files.length > AGENT_LIMITS.attachmentsMax) {
    return issues.add(
      'attachedFiles',
      `has ${files.length} files; at most ${AGENT_LIMITS.attachmentsMax}.`,
    )
  }
  const types = AGENT_LIMITS.attachmentTypes
  const largest = AGENT_LIMITS.attachmentMaxBytes
  for (const [index, file] of files.entries()) {
    const path = `attachedFiles[${index}]`
    if (!isObject(file)) {
      issues.add(path, 'must be an object.')
      continue
    }
    if (!types.includes(file.type as never)) {
      issues.add(`${path}.type`, `must be one of ${types.join(', ')}.`)
    }
    const { size } = file
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 0 || size > largest) {
      issues.add(
        `${path}.size`,
        `must be a number of bytes from 0 to ${count.format(largest)} (50 MB).`,
      )
    }
    issues.text(file, 'name', `${path}.name`, FIELD_LENGTHS.fileName)
    issues.text(file, 'mimeType', `${path}.mimeType`, FIELD_LENGTHS.mimeType)
    if (!isAbsent(file.base64) && typeof file.base64 !== 'string') {
      issues.add(`${path}.base64`, 'must be a string.')
    } else if (typeof file.base64 === 'string' && base64Bytes(file.base64) > largest) {
      issues.add(`${path}.base64`, 'holds more than 50 MB.')
    }
  }
}

function checkChatHistory(history: unknown, issues: Issues) {
  if (isAbsent(history)) return
  if (!Array.isArray(history)) return issues.add('chatHistory', 'must be an array.')
  if (history.length > AGENT_LIMITS.chatHistoryMax) {
    return issues.add(
      'chatHistory',
      `has ${history.length} entries; at most ${AGENT_LIMITS.chatHistoryMax}.`,
    )
  }
  for (const [index, entry] of history.entries()) {
    const path = `chatHistory[${index}]`
    if (!isObject(entry)) {
      issues.add(path, 'must be an object with role and content.')
      continue
    }
    issues.text(entry, 'role', `${path}.role`, FIELD_LENGTHS.role, true)
    issues.text(entry, 'content', `${path}.content`, AGENT_LIMITS.chatContentMaxLength, true)
  }
}

function checkSelectedItem(selected: unknown, issues: Issues) {
  if (isAbsent(selected)) return
  if (!isObject(selected)) return issues.add('selectedItemContext', 'must be an object.')
  if (!AGENT_LIMITS.selectedItemTypes.includes(selected.type as string)) {
    issues.add('selectedItemContext.type', 'must be image or video.')
  }
  issues.text(selected, 'itemId', 'selectedItemContext.itemId', FIELD_LENGTHS.itemId)
  issues.text(selected, 'assetId', 'selectedItemContext.assetId', FIELD_LENGTHS.itemId)
  issues.text(selected, 'remoteUrl', 'selectedItemContext.remoteUrl', FIELD_LENGTHS.url)
  issues.text(selected, 'sourceImageUrl', 'selectedItemContext.sourceImageUrl', FIELD_LENGTHS.url)
}

/** How a `POST /api/agent` body breaks the platform's request limits; empty when it keeps them. */
export function runRequestIssues(body: Body): RequestIssue[] {
  const issues = createIssues()
  issues.text(body, 'message', 'message', AGENT_LIMITS.messageMaxLength, true)
  checkCredentials(body, issues)
  issues.text(body, 'templateId', 'templateId', FIELD_LENGTHS.templateId)
  if (!isAbsent(body.autoSave) && typeof body.autoSave !== 'boolean') {
    issues.add('autoSave', 'must be true or false.')
  }
  checkAttachments(body.attachedFiles, issues)
  checkChatHistory(body.chatHistory, issues)
  checkSelectedItem(body.selectedItemContext, issues)
  return issues.issues
}

/** How a resume (`sceneId` absent) or retry-scene body breaks the limits. */
export function jobRequestIssues(body: Body, withScene: boolean): RequestIssue[] {
  const issues = createIssues()
  issues.text(body, 'jobId', 'jobId', FIELD_LENGTHS.jobId, true)
  if (withScene) issues.text(body, 'sceneId', 'sceneId', FIELD_LENGTHS.sceneId, true)
  checkCredentials(body, issues)
  return issues.issues
}

/** One `TypeError` for a list of issues, each as `name.path message`. */
export function issuesError(name: string, issues: RequestIssue[]): TypeError {
  const listed = issues.map(
    (issue) => `${[name, issue.path].filter(Boolean).join('.')} ${issue.message}`,
  )
  return new TypeError(listed.join(' '))
}
