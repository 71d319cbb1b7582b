import type { AgentEventMap, AgentEventType } from '@kvidai/agent-protocol'
import type { EventShaper } from './event-shaper'
import type { Fault } from './faults'
import { createKeepAlive } from './keep-alive'
import type { KeepAlive } from './profiles'

export interface EventStreamOptions {
  heartbeatMs: number
  keepAlive: KeepAlive
  fault: Fault
  /** What the wire carries for one event; by default the event as it is. */
  shape?: EventShaper
  /** Called once when the client goes away, the stream is cut or reaped. */
  onDisconnect(reason: string): void
}

const encoder = new TextEncoder()

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
}

const asItIs: EventShaper = (name, data) => [{ name, data }]

/**
 * One SSE response, written as the reference has it: `event: <name>`, one line of
 * JSON data, a blank line; flushed per event. Carries the staged faults that act on
 * the wire (cut, stall, malformed and unknown events) and sends keep-alives when quiet.
 */
export function createEventStream(options: EventStreamOptions) {
  const { fault } = options
  const shape = options.shape ?? asItIs
  const keepAlive = createKeepAlive(options.keepAlive)
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let sent = 0
  let open = true
  let stalled = false
  /** Work in progress during which nothing at all is sent, keep-alives included. */
  let quietWork = 0
  let heartbeatTimer: ReturnType<typeof setTimeout> | undefined
  const stallWaiters: Array<() => void> = []
  const drainWaiters: Array<() => void> = []

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController
      scheduleHeartbeat()
    },
    // Called when the reader has taken everything queued.
    pull() {
      for (const wake of drainWaiters.splice(0)) wake()
    },
    cancel() {
      // Nobody is left to hand anything to; a cut waiting for the drain is moot.
      drainWaiters.length = 0
      if (!open) return
      finish()
      options.onDisconnect('client closed the connection')
    },
  })

  function finish() {
    if (!open) return
    open = false
    clearTimeout(heartbeatTimer)
    for (const wake of stallWaiters.splice(0)) wake()
  }

  function write(text: string) {
    if (!open) return
    controller.enqueue(encoder.encode(text))
    scheduleHeartbeat()
  }

  function scheduleHeartbeat() {
    clearTimeout(heartbeatTimer)
    if (!open || stalled || quietWork > 0 || !keepAlive || options.heartbeatMs <= 0) return
    heartbeatTimer = setTimeout(() => write(keepAlive()), options.heartbeatMs)
  }

  function afterEvent() {
    sent++
    if (fault.malformedAfterEvents === sent) {
      write('event: scene_complete\ndata: {"sceneId": "scene-\n\n')
    }
    if (fault.unknownEventAfterEvents === sent) {
      write('event: sim_unknown_event\ndata: {"note":"an event this protocol does not define"}\n\n')
    }
    if (fault.cutAfterEvents === sent) cut('fault: cut after events')
    else if (fault.stallAfterEvents === sent) {
      stalled = true
      clearTimeout(heartbeatTimer)
    }
  }

  /** Closes the connection abruptly, as a dropped network would. */
  function cut(reason: string) {
    if (!open) return
    finish()
    const error = new Error(`kvid-sim: connection cut on purpose (${reason})`)
    // A one-line log from the HTTP server, not a stack trace per staged fault.
    error.stack = error.message
    // What was sent before the cut reaches the client, as on a real network; then it breaks.
    const breakConnection = () => setTimeout(() => controller.error(error), 5)
    if ((controller.desiredSize ?? 1) >= 1) breakConnection()
    else drainWaiters.push(breakConnection)
    options.onDisconnect(reason)
  }

  /** Ends the stream quietly once the client has gone; nobody is left to read it. */
  function drop(reason: string) {
    if (!open) return
    finish()
    controller.close()
    options.onDisconnect(reason)
  }

  return {
    response(): Response {
      return new Response(body, { status: 200, headers: SSE_HEADERS })
    },
    get open() {
      return open
    },
    get stalled() {
      return stalled
    },
    get sent() {
      return sent
    },
    /**
     * Sends one event, shaped as the profile has it. While the stream is stalled this
     * waits until the connection ends, so the run stops making progress exactly as a
     * stuck job would. Events the profile adds after it do not count towards faults.
     */
    async send<Name extends AgentEventType>(name: Name, data: AgentEventMap[Name]): Promise<void> {
      if (stalled && open) await new Promise<void>((wake) => stallWaiters.push(wake))
      if (!open) return
      for (const event of shape(name, data)) {
        write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`)
      }
      afterEvent()
    },
    /** Runs work with keep-alives held back, so nothing at all goes on the wire meanwhile. */
    async quietly<Result>(work: () => Promise<Result>): Promise<Result> {
      quietWork++
      clearTimeout(heartbeatTimer)
      try {
        return await work()
      } finally {
        quietWork--
        scheduleHeartbeat()
      }
    },
    /** Waits like `send` does while stalled; for work between events. */
    async whileStalled(): Promise<void> {
      if (stalled && open) await new Promise<void>((wake) => stallWaiters.push(wake))
    },
    /** Ends the stream after the last event. */
    close() {
      if (!open) return
      finish()
      controller.close()
    },
    cut,
    drop,
  }
}

export type EventStream = ReturnType<typeof createEventStream>
