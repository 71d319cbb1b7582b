import {
  type EventSourceMessage,
  getMessages,
} from '@microsoft/fetch-event-source/lib/esm/parse.js'
import { AgentProtocolError } from '../errors/agent-errors'

const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const COLON = 58
const ignore = () => {}

/**
 * The byte the first line break in `chunk` ends with: a line feed (also after a carriage
 * return), or a carriage return alone; undefined while it cannot tell yet.
 */
function lineBreakOf(chunk: Uint8Array): number | undefined {
  const feed = chunk.indexOf(LINE_FEED)
  const carriage = (feed === -1 ? chunk : chunk.subarray(0, feed)).indexOf(CARRIAGE_RETURN)
  if (carriage === -1) return feed === -1 ? undefined : LINE_FEED
  if (carriage + 1 === feed) return LINE_FEED
  // A carriage return that ends the chunk may be the first half of a CRLF.
  return carriage + 1 === chunk.byteLength ? undefined : CARRIAGE_RETURN
}

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
 * Turns the bytes of an event stream into SSE messages, holding every event to
 * `maxEventBytes`. The messages are assembled by fetch-event-source's own parser
 * (`getMessages`: fields, `data` lines joined, the event name); the lines are found here
 * with the runtime's native `indexOf`, which costs a fraction of the library's byte-by-byte
 * `getLines` on events of hundreds of kilobytes. A stream ends its lines with LF, CRLF or CR
 * (learnt from its first line break), and a line break split across chunks is one. A block
 * without a `data` line (a comment-only keep-alive, or an `event:` line alone) dispatches
 * nothing, as in a browser's `EventSource`; `getMessages` calls back on every blank line.
 *
 * Bytes are handed on only up to the last line break seen, so nothing grows by
 * re-concatenation (quadratic copying on a long line): the unfinished line waits as a list
 * of chunks, joined once when its end arrives, and an event that outgrows the bound throws
 * an `EVENT_TOO_LARGE` `AgentProtocolError` as soon as it does, before it is read whole.
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
  /** The byte this stream ends its lines with. */
  let lineBreak: number | undefined
  /** The last line ended with a carriage return: a line feed right after it belongs to it. */
  let afterCarriageReturn = false
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

  function readLines(bytes: Uint8Array, breakByte: number) {
    let start = 0
    while (start < bytes.byteLength) {
      if (afterCarriageReturn) {
        afterCarriageReturn = false
        if (bytes[start] === LINE_FEED) {
          start++
          continue
        }
      }
      let end = bytes.indexOf(breakByte, start)
      if (end === -1) end = bytes.byteLength
      const crlf = breakByte === LINE_FEED && end > start && bytes[end - 1] === CARRIAGE_RETURN
      const line = bytes.subarray(start, crlf ? end - 1 : end)
      afterCarriageReturn = breakByte === CARRIAGE_RETURN
      eventBytes += line.byteLength + 1
      if (eventBytes > maxEventBytes) throw tooLarge()
      const fieldLength = line.indexOf(COLON)
      if (isDataField(line, fieldLength)) hasData = true
      readLine(line, fieldLength)
      start = end + 1
    }
  }

  /** Until the first line break: whether the bytes so far end with a carriage return. */
  let endsWithCarriageReturn = false

  /** Learns the line break from each new chunk alone, so a long first line is read once. */
  function learnLineBreak(chunk: Uint8Array) {
    if (chunk.byteLength === 0) return
    if (endsWithCarriageReturn) {
      // Nothing else came before it: the carriage return was the first line break.
      lineBreak = chunk[0] === LINE_FEED ? LINE_FEED : CARRIAGE_RETURN
      return
    }
    lineBreak = lineBreakOf(chunk)
    endsWithCarriageReturn = chunk[chunk.byteLength - 1] === CARRIAGE_RETURN
  }

  return {
    push(chunk: Uint8Array) {
      if (lineBreak === undefined) learnLineBreak(chunk)
      const end = lineBreak === undefined ? -1 : chunk.lastIndexOf(lineBreak)
      if (end !== -1) {
        const head = chunk.subarray(0, end + 1)
        const whole = pending.length === 0 ? head : join([...pending, head], pendingBytes + end + 1)
        pending = []
        pendingBytes = 0
        readLines(whole, lineBreak as number)
        chunk = chunk.subarray(end + 1)
      }
      if (chunk.byteLength === 0) return
      pending.push(chunk)
      pendingBytes += chunk.byteLength
      if (eventBytes + pendingBytes > maxEventBytes) throw tooLarge()
    },
  }
}
