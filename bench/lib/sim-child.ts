// A simulator in its own process (so the measuring process's heap and CPU are its own).
// Parent: fork with execArgv ['--import', 'tsx'], options as JSON in argv[2].
// Messages: → { url } when listening; ← 'memory' → { memory }; ← 'close' → exits.
import { startSimulator } from '@kvidai/agent-sim/node'

const options = JSON.parse(process.argv[2] ?? '{}')
const simulator = await startSimulator(options)
const send = (message: unknown) => process.send?.(message)
process.on('message', async (message) => {
  if (message === 'memory') {
    ;(globalThis as { gc?: () => void }).gc?.()
    send({ memory: process.memoryUsage() })
  }
  if (message === 'close') {
    await simulator.close()
    process.exit(0)
  }
})
process.on('disconnect', () => process.exit(0))
setTimeout(() => process.exit(2), 9 * 60_000).unref()
send({ url: simulator.url })
