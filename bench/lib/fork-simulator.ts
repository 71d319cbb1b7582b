import { fork } from 'node:child_process'
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
  child.setMaxListeners(0)
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (key in message) {
          child.off('message', onMessage)
          resolve(message[key] as T)
        }
      }
      child.on('message', onMessage)
      child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)))
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
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send('close')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))])
      if (child.exitCode === null) child.kill()
    },
  }
}
