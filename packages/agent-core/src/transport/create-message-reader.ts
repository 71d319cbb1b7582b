import {
  type EventSourceMessage,
  getLines,
  getMessages,
} from '@microsoft/fetch-event-source/lib/esm/parse.js'
import { AgentProtocolError } from '../errors/agent-errors'

const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const ignore = () => {}

/** Whether a line's field (before its colon) is `data`. */
const isDataField = (line: Uint8Array, fieldLength: number) =>
  fieldLength === 4 && line[0] === 100 && line[1] === 97 && line[2] === 116 && line[3] === 97

function join(chunks: Uint8Array[], size: number): Uint8Array {
  const joined = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.byteLength
  }
  return joined
}

/**
 * Turns the bytes of an event stream into SSE messages with fetch-event-source's own
 * parser (`getLines` and `getMessages`), holding every event to `maxEventBytes`. A block
 * without a `data` line (a comment-only keep-alive, or an `event:` line alone) dispatches
 * nothing, as in a browser's `EventSource`; the parser itself calls back on every blank line.
 *
 * The parser is handed bytes only up to the last line break seen, so its line buffer never
 * grows by re-concatenation, which costs quadratic copying on a long line. The unfinished
 * line waits here as a list of chunks, joined once when its end arrives, and an event that
 * outgrows the bound throws an `EVENT_TOO_LARGE` `AgentProtocolError` as soon as it does,
 * before it is read whole.
 */
export function createMessageReader(options: {
  maxEventBytes: number
  onMessage(message: EventSourceMessage): void
}) {
  const { maxEventBytes } = options
  const tooLarge = () =>
    new AgentProtocolError({
      code: 'EVENT_TOO_LARGE',
      event: 'unknown',
      data: '',
      message: `An event grew past ${maxEventBytes} bytes, more than the client holds; the connection was closed. Raise maxEventBytes if your compositions are this large.`,
    })
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  /** Bytes of the current event's complete lines. */
  let eventBytes = 0
  /** Whether the current block has a `data` line. */
  let hasData = false

  const readLine = getMessages(ignore, ignore, (message) => {
    eventBytes = 0
    if (!hasData) return
    hasData = false
    options.onMessage(message)
  })
  const readChunk = getLines((line, fieldLength) => {
    eventBytes += line.byteLength + 1
    if (eventBytes > maxEventBytes) throw tooLarge()
    if (isDataField(line, fieldLength)) hasData = true
    readLine(line, fieldLength)
  })

  return {
    push(chunk: Uint8Array) {
      const end = Math.max(chunk.lastIndexOf(LINE_FEED), chunk.lastIndexOf(CARRIAGE_RETURN))
      if (end !== -1) {
        const head = chunk.subarray(0, end + 1)
        readChunk(pending.length === 0 ? head : join([...pending, head], pendingBytes + end + 1))
        pending = []
        pendingBytes = 0
        chunk = chunk.subarray(end + 1)
      }
      if (chunk.byteLength === 0) return
      pending.push(chunk)
      pendingBytes += chunk.byteLength
      if (eventBytes + pendingBytes > maxEventBytes) throw tooLarge()
    },
  }
}
