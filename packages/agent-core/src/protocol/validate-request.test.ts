import type { AgentRunInput, AttachedFile } from '@kvidai/agent-protocol'
import { describe, expect, it } from 'vitest'
import { AgentValidationError } from '../errors/agent-errors'
import { runInput } from '../test-utils'
import { validateJobInput, validateRunInput } from './validate-request'

const file = (change: Partial<AttachedFile> = {}): AttachedFile => ({
  name: 'a.png',
  type: 'image',
  mimeType: 'image/png',
  size: 1000,
  base64: '',
  ...change,
})

function fieldOf(check: () => void): string | undefined {
  try {
    check()
  } catch (error) {
    expect(error).toBeInstanceOf(AgentValidationError)
    expect((error as AgentValidationError).fix.length).toBeGreaterThan(5)
    return (error as AgentValidationError).field
  }
  return undefined
}

describe('validateRunInput', () => {
  it('accepts a request at every limit', () => {
    const input = runInput({
      message: 'x'.repeat(4000),
      attachedFiles: Array.from({ length: 10 }, () => file({ size: 50 * 1024 * 1024 })),
      chatHistory: Array.from({ length: 50 }, () => ({ role: 'user', content: 'y'.repeat(8000) })),
      selectedItemContext: {
        itemId: 'i',
        type: 'video',
        assetId: 'a',
        from: 0,
        durationInFrames: 1,
      },
      locale: 'ko',
    })
    expect(fieldOf(() => validateRunInput(input))).toBeUndefined()
  })

  it.each<[string, Partial<AgentRunInput>]>([
    ['message', { message: '' }],
    ['message', { message: 'x'.repeat(4001) }],
    ['composition', { composition: {} as never }],
    ['projectId', { projectId: Number.NaN }],
    ['locale', { locale: 'fr' as never }],
    ['attachedFiles', { attachedFiles: Array.from({ length: 11 }, () => file()) }],
    ['attachedFiles[1].size', { attachedFiles: [file(), file({ size: 50 * 1024 * 1024 + 1 })] }],
    ['attachedFiles[0].type', { attachedFiles: [file({ type: 'zip' as never })] }],
    [
      'chatHistory',
      { chatHistory: Array.from({ length: 51 }, () => ({ role: 'user', content: '' })) },
    ],
    ['chatHistory[0].content', { chatHistory: [{ role: 'user', content: 'y'.repeat(8001) }] }],
    [
      'selectedItemContext.type',
      {
        selectedItemContext: {
          itemId: 'i',
          type: 'audio' as never,
          assetId: 'a',
          from: 0,
          durationInFrames: 1,
        },
      },
    ],
  ])('names %s', (field, change) => {
    expect(fieldOf(() => validateRunInput(runInput(change)))).toBe(field)
  })
})

describe('validateJobInput', () => {
  it('needs a job id, and a scene id for a retry', () => {
    expect(fieldOf(() => validateJobInput({ jobId: '' }))).toBe('jobId')
    expect(fieldOf(() => validateJobInput({ jobId: 'j', sceneId: '' }))).toBe('sceneId')
    expect(
      fieldOf(() => validateJobInput({ jobId: 'j', sceneId: 's', locale: 'es' })),
    ).toBeUndefined()
  })
})
