import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A server this example started: its base URL, and how to stop it. */
export interface RunningServer {
  url: string
  close(): Promise<void>
}

/** Listens on `hostname:port` (port 0 picks a free one) and answers once it is listening. */
export function listen(server: Server, { port = 8787, hostname = '127.0.0.1' } = {}) {
  return new Promise<RunningServer>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => {
      const { port: bound } = server.address() as AddressInfo
      resolve({
        url: `http://${hostname}:${bound}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed())
            server.closeAllConnections()
          }),
      })
    })
  })
}
