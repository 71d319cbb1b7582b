import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { STREAM_LIMITS } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AgentProtocolError, AgentValidationError } from '../errors/agent-errors'
import { drain, runInput, testClient } from '../test-utils'

const MEGABYTE = 1024 * 1024

/**
 * A hostile server on 127.0.0.1 that sends one event line without end, 64 KiB at a time,
 * waiting for the socket to drain as a real server does. It counts what it managed to
 * write before the client hung up.
 */
let server: Server
let url: string
let written = 0
let closed: Promise<void> = Promise.resolve()

async function endlessLine(response: ServerResponse, total: number) {
  const block = new Uint8Array(64 * 1024).fill(0x61)
  response.writeHead(200, { 'content-type': 'text/event-stream' })
  response.write('event: checkpoint\ndata: {"composition":"')
  written = 0
  while (written < total && !response.destroyed) {
    written += block.byteLength
    if (!response.write(block)) {
      await new Promise((resolve) => {
        response.once('drain', resolve)
        response.once('close', resolve)
      })
    }
  }
  response.end()
}

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    closed = new Promise((resolve) => response.once('close', resolve))
    // The first path segment is the size in megabytes: `/200/api/agent`.
    const megabytes = Number(request.url?.split('/')[1])
    void endlessLine(response, megabytes * MEGABYTE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('an event too large to hold', () => {
  it('a 200 MB line is refused before 120 MB is read, with bounded memory', {
    timeout: 60_000,
  }, async () => {
    let peak = 0
    const before = process.memoryUsage().arrayBuffers
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before)
    }, 20)
    const client = testClient(`${url}/200`)
    const outcome = await drain(client.run(runInput())).finally(() => clearInterval(sampler))
    await closed
    expect(outcome).toMatchObject({ reason: 'error' })
    const { error } = outcome as { error: unknown }
    expect(error).toBeInstanceOf(AgentProtocolError)
    expect(error).toMatchObject({ code: 'EVENT_TOO_LARGE' })
    expect((error as Error).message).toContain('maxEventBytes')
    // The client closed the connection once the event passed 64 MiB.
    expect(written).toBeGreaterThan(STREAM_LIMITS.eventMaxBytes)
    expect(written).toBeLessThan(120 * MEGABYTE)
    // What is held is the event so far, not copies of it.
    expect(peak).toBeLessThan(3 * STREAM_LIMITS.eventMaxBytes)
  })

  it('honours a lower maxEventBytes, and refuses a bound that is not a byte count', async () => {
    const outcome = await drain(testClient(`${url}/8`, { maxEventBytes: MEGABYTE }).run(runInput()))
    expect(outcome).toMatchObject({ reason: 'error', error: { code: 'EVENT_TOO_LARGE' } })
    await closed
    expect(written).toBeLessThan(8 * MEGABYTE)
    for (const maxEventBytes of [0, -1, 1.5, Number.POSITIVE_INFINITY]) {
      expect(() => testClient(url, { maxEventBytes })).toThrow(AgentValidationError)
    }
  })
})
