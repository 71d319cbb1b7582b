import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEventStream } from './event-stream'

function openStream() {
  const disconnects: string[] = []
  const stream = createEventStream({
    heartbeatMs: 0,
    keepAlive: 'comment',
    fault: {},
    onDisconnect: (reason) => disconnects.push(reason),
  })
  const reader = stream.response().body?.getReader()
  if (!reader) throw new Error('The stream has no body.')
  return { stream, reader, disconnects }
}

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const { value } = await reader.read()
  return new TextDecoder().decode(value)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('cut', () => {
  it('hands over what was sent before it, then breaks the connection', async () => {
    const { stream, reader, disconnects } = openStream()
    await stream.send('scene_start', { sceneId: 'scene-1', sceneIndex: 0 })
    await stream.send('scene_complete', { sceneId: 'scene-1' })
    stream.cut('test')
    expect(await readText(reader)).toMatch(/^event: scene_start\n/)
    expect(await readText(reader)).toMatch(/^event: scene_complete\n/)
    await expect(reader.read()).rejects.toThrow(/connection cut on purpose \(test\)/)
    expect(disconnects).toEqual(['test'])
  })

  it('breaks an idle connection at once', async () => {
    const { stream, reader } = openStream()
    stream.cut('idle')
    await expect(reader.read()).rejects.toThrow(/cut on purpose/)
  })

  it('leaves no timer behind when the reader cancels before it drained the stream', async () => {
    vi.useFakeTimers()
    const { stream, reader, disconnects } = openStream()
    await stream.send('scene_start', { sceneId: 'scene-1', sceneIndex: 0 })
    await stream.send('scene_complete', { sceneId: 'scene-1' })
    stream.cut('test')
    await reader.cancel()
    await vi.advanceTimersByTimeAsync(100)
    expect(vi.getTimerCount()).toBe(0)
    expect(disconnects).toEqual(['test'])
  })
})
