import { fork } from 'node:child_process'
import { once } from 'node:events'
import type { SimulatorOptions } from '@kvidai/agent-sim'

export async function forkSimulator(options: SimulatorOptions) {
  const child = fork(
    new URL('./sim-child.ts', import.meta.url).pathname,
    [JSON.stringify(options)],
    {
      execArgv: ['--expose-gc', '--max-old-space-size=3072', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  )
  /** The next IPC message carrying `key`; rejects if the simulator exits first. */
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (!(key in message)) return
        child.off('message', onMessage)
        child.off('exit', onExit)
        resolve(message[key] as T)
      }
      const onExit = (code: number | null) => {
        child.off('message', onMessage)
        reject(new Error(`simulator exited ${code}`))
      }
      child.on('message', onMessage)
      child.once('exit', onExit)
    })
  const url = await next<string>('url')
  return {
    url,
    async memory() {
      const reply = next<NodeJS.MemoryUsage>('memory')
      child.send('memory')
      return reply
    },
    async close() {
      const exited = once(child, 'exit', { signal: AbortSignal.timeout(3000) })
      child.send('close')
      await exited.catch(() => child.kill())
    },
  }
}
