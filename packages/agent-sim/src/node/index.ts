import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { SimulatorOptions } from '../options'
import { createSimulator as createWebSimulator, type Simulator } from '../simulator'
import { persistToFile } from './persist'

export interface NodeSimulatorOptions extends SimulatorOptions {
  /** A JSON file that keeps users and jobs across restarts. */
  data?: string
}

export interface NodeSimulator extends Simulator {
  /** Serves the simulator over HTTP. Binds 127.0.0.1 unless told otherwise; port 0 picks a free one. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number; host: string }>
}

/**
 * An event stream goes out chunked from its first byte. Without it, @hono/node-server reads
 * ahead a few chunks before it writes the head, and a connection cut staged right after the
 * first event broke that read-ahead: the client got a plain HTTP 500 instead of a stream
 * that breaks. On the wire nothing changes; an unended stream is sent chunked either way.
 */
function chunkedFromTheStart(response: Response): Response {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response
  const headers = new Headers(response.headers)
  headers.set('transfer-encoding', 'chunked')
  return new Response(response.body, { status: response.status, headers })
}

/** The simulator with an HTTP server and optional file persistence, for Node. */
export function createSimulator(options: NodeSimulatorOptions = {}): NodeSimulator {
  const simulator = createWebSimulator(options)
  const persistence = options.data ? persistToFile(simulator, options.data) : null
  let server: ReturnType<typeof serve> | null = null

  return {
    ...simulator,
    listen(port = 4010, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const started = serve(
          {
            fetch: async (request) => chunkedFromTheStart(await simulator.fetch(request)),
            port,
            hostname: host,
          },
          (info: AddressInfo) => {
            const shownHost = info.address.includes(':') ? `[${info.address}]` : info.address
            resolve({
              url: `http://${shownHost}:${info.port}`,
              port: info.port,
              host: info.address,
            })
          },
        )
        started.once('error', reject)
        server = started
      })
    },
    async close() {
      await simulator.close()
      persistence?.flush()
      const running = server
      server = null
      if (!running) return
      await new Promise<void>((resolve) => {
        running.close(() => resolve())
        if ('closeAllConnections' in running) running.closeAllConnections()
      })
    },
  }
}

/** Starts a simulator on a free port of 127.0.0.1; `close()` stops it. For tests and scripts. */
export async function startSimulator(
  options: NodeSimulatorOptions = {},
): Promise<NodeSimulator & { url: string }> {
  const simulator = createSimulator(options)
  const { url } = await simulator.listen(0, '127.0.0.1')
  return { ...simulator, url }
}

export * from '../index'
export type { Simulator } from '../simulator'
