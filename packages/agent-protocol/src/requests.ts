import type { CompositionInput } from './composition'

export type Locale = 'en' | 'ko' | 'es'

export const LOCALES: readonly Locale[] = ['en', 'ko', 'es']

export type AttachmentType = 'image' | 'video' | 'audio' | 'pdf' | 'text'

export interface AttachedFile {
  name: string
  type: AttachmentType
  mimeType: string
  size: number
  base64: string
}

export interface ChatHistoryEntry {
  role: 'user' | 'assistant' | (string & {})
  content: string
}

export interface SelectedItemContext {
  itemId: string
  type: 'image' | 'video'
  assetId: string
  remoteUrl?: string
  sourceImageUrl?: string
  from: number
  durationInFrames: number
}

/** Credentials sent in the body; a server-side proxy may add them instead of the client. */
export interface Credentials {
  email: string
  apiKey: string
}

/** `POST /api/agent` without the credentials. */
export interface AgentRunInput {
  message: string
  composition: CompositionInput
  projectId: number
  locale?: Locale
  templateId?: string
  attachedFiles?: AttachedFile[]
  chatHistory?: ChatHistoryEntry[]
  selectedItemContext?: SelectedItemContext
  autoSave?: boolean
}

/** `POST /api/agent/resume` without the credentials. */
export interface ResumeInput {
  jobId: string
  locale?: Locale
}

/** `POST /api/agent/retry-scene` without the credentials. */
export interface RetrySceneInput {
  jobId: string
  sceneId: string
  locale?: Locale
}

export type AgentRunBody = AgentRunInput & Credentials
export type ResumeBody = ResumeInput & Credentials
export type RetrySceneBody = RetrySceneInput & Credentials

/** What `GET /api/agent/check-resume` reports for a project with unfinished work. */
export interface ResumableJob {
  jobId: string
  remainingScenes: number
  totalScenes: number
}

export interface CheckResumeResponse {
  success: true
  data: ResumableJob | null
}

export const AGENT_ROUTES = {
  run: '/api/agent',
  resume: '/api/agent/resume',
  retryScene: '/api/agent/retry-scene',
  checkResume: '/api/agent/check-resume',
} as const
