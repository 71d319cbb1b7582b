import { parseArgs } from 'node:util'
import { createSimulator } from './node/index'

const HELP = `kvid-sim — a local kvidAI Agent API

Usage: kvid-sim [options]

  --host <host>          address to bind (default 127.0.0.1)
  --port <port>          port (default 4010; 0 picks a free one)
  --credits <n>          credits of demo@example.com (default 1000)
  --scene-ms <ms>        average time per scene (default 300)
  --concurrency <n>      scenes generated at once (default 3)
  --seed <n>             seed for plans, timings and media names (default 1)
  --data <file>          keep users and jobs in this JSON file across restarts
  --heartbeat-ms <ms>    keep-alive after this much quiet (default 15000)
  --heartbeat-event      send named heartbeat events instead of comment lines
  --zombie-ms <ms>       reap a run with no progress for this long (default 120000)
  --rate-limit <n>       agent requests per user per minute (default off)
  --no-admin             do not serve the /__sim/ admin surface
  -h, --help             show this help

The seeded user is demo@example.com with API key kvid_demo_key.`

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`kvid-sim: --${name} needs a number, got "${value}"`)
    process.exit(2)
  }
  return parsed
}

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '4010' },
    credits: { type: 'string' },
    'scene-ms': { type: 'string' },
    concurrency: { type: 'string' },
    seed: { type: 'string' },
    data: { type: 'string' },
    'heartbeat-ms': { type: 'string' },
    'heartbeat-event': { type: 'boolean', default: false },
    'zombie-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'no-admin': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
})

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const simulator = createSimulator({
  credits: numberOption('credits', values.credits),
  sceneMs: numberOption('scene-ms', values['scene-ms']),
  concurrency: numberOption('concurrency', values.concurrency),
  seed: numberOption('seed', values.seed),
  data: values.data,
  heartbeatMs: numberOption('heartbeat-ms', values['heartbeat-ms']),
  heartbeat: values['heartbeat-event'] ? 'event' : 'comment',
  zombieMs: numberOption('zombie-ms', values['zombie-ms']),
  rateLimit: numberOption('rate-limit', values['rate-limit']),
  admin: !values['no-admin'],
})

const { url } = await simulator.listen(numberOption('port', values.port), values.host)
console.log(`kvid-sim listening on ${url}`)
console.log('  user demo@example.com, api-key kvid_demo_key')
if (!values['no-admin']) console.log(`  admin ${url}/__sim/requests`)

function stop() {
  simulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
