import { AGENT_LIMITS, type AttachedFile, type AttachmentType } from '@kvidai/agent-core'

/** The platform's attachment type for a file, or null when it cannot be attached. */
export function attachmentType(file: { type: string; name: string }): AttachmentType | null {
  const mime = file.type.toLowerCase()
  for (const kind of ['image', 'video', 'audio', 'text'] as const) {
    if (mime.startsWith(`${kind}/`)) return kind
  }
  if (mime === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf')) return 'pdf'
  return null
}

export type AttachmentProblem =
  | { key: 'prompt.tooMany'; params: { max: number } }
  | { key: 'prompt.tooLarge'; params: { name: string; max: number } }
  | { key: 'prompt.badType'; params: { name: string } }

/** Why a file cannot join the attachments already chosen, or null when it can. */
export function attachmentProblem(file: File, alreadyAttached: number): AttachmentProblem | null {
  if (alreadyAttached >= AGENT_LIMITS.attachmentsMax) {
    return { key: 'prompt.tooMany', params: { max: AGENT_LIMITS.attachmentsMax } }
  }
  if (!attachmentType(file)) return { key: 'prompt.badType', params: { name: file.name } }
  if (file.size > AGENT_LIMITS.attachmentMaxBytes) {
    return {
      key: 'prompt.tooLarge',
      params: { name: file.name, max: AGENT_LIMITS.attachmentMaxBytes / 1024 / 1024 },
    }
  }
  return null
}

/** Reads a file into the shape the Agent API takes, its content as base64. */
export function readAttachment(file: File): Promise<AttachedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error)
    reader.onload = () => {
      const url = String(reader.result)
      resolve({
        name: file.name,
        type: attachmentType(file) as AttachmentType,
        mimeType: file.type || 'application/octet-stream',
        size: file.size,
        base64: url.slice(url.indexOf(',') + 1),
      })
    }
    reader.readAsDataURL(file)
  })
}
