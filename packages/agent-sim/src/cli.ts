import { parseArgs } from 'node:util'
import { readAdminFlags } from './cli-admin'
import { createSimulator, type NodeSimulator, type NodeSimulatorOptions } from './node/index'
import { isSimulatorProfile, PROFILE_DESCRIPTIONS, SIMULATOR_PROFILES } from './profiles'

const PROFILES = SIMULATOR_PROFILES.map(
  (name) => `  ${name.padEnd(18)} ${PROFILE_DESCRIPTIONS[name]}`,
).join('\n')

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
  --profile <name>       how to behave where the API reference is silent (default standard)
  --silent-tool-ms <ms>  how long a tool works in silence under silent/everything (default 95000)
  --zombie-ms <ms>       reap a run with no progress for this long (default 120000)
  --rate-limit <n>       agent requests per user per minute (default off)
  --max-body-bytes <n>   largest POST /api/agent body read (default 83886080, 80 MiB)
  --admin                serve the /__sim/ admin surface (off by default), token required
  --admin-token <token>  the admin token, 16-256 visible ASCII characters (default: a random
                         one, printed at start; or set KVID_SIM_ADMIN_TOKEN)
  --no-admin             no /__sim/ admin surface (the default)
  -h, --help             show this help

Profiles:
${PROFILES}

The seeded user is demo@example.com with API key kvid_demo_key.
Admin requests send the token in the x-sim-admin-token header, and JSON bodies with
content-type: application/json; pages of other sites are refused.`

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    console.error(`kvid-sim: --${name} needs a number, got "${value}"`)
    process.exit(2)
  }
  return parsed
}

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '4010' },
  credits: { type: 'string' },
  'scene-ms': { type: 'string' },
  concurrency: { type: 'string' },
  seed: { type: 'string' },
  data: { type: 'string' },
  'heartbeat-ms': { type: 'string' },
  'heartbeat-event': { type: 'boolean', default: false },
  profile: { type: 'string', default: 'standard' },
  'silent-tool-ms': { type: 'string' },
  'zombie-ms': { type: 'string' },
  'rate-limit': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  admin: { type: 'boolean', default: false },
  'admin-token': { type: 'string' },
  'no-admin': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const

function readArguments() {
  try {
    return parseArgs({ options: OPTIONS, strict: true })
  } catch (error) {
    // A flag it does not know, or one without its value: a usage error, like a bad number.
    console.error(
      `kvid-sim: ${error instanceof Error ? error.message : String(error)} (see --help)`,
    )
    process.exit(2)
  }
}

const { values } = readArguments()

if (values.help) {
  console.log(HELP)
  process.exit(0)
}

const { profile } = values
if (!isSimulatorProfile(profile)) {
  console.error(
    `kvid-sim: unknown --profile "${profile}"; choose one of ${SIMULATOR_PROFILES.join(', ')}`,
  )
  process.exit(2)
}

/** The flag of each option the CLI passes on, to name it in an error. */
const FLAGS: Readonly<Record<string, string>> = {
  seed: '--seed',
  credits: '--credits',
  sceneMs: '--scene-ms',
  concurrency: '--concurrency',
  heartbeatMs: '--heartbeat-ms',
  silentToolMs: '--silent-tool-ms',
  zombieMs: '--zombie-ms',
  rateLimit: '--rate-limit',
  maxBodyBytes: '--max-body-bytes',
  adminToken: '--admin-token',
}

function created(options: NodeSimulatorOptions): NodeSimulator {
  try {
    return createSimulator(options)
  } catch (error) {
    // An option out of range: say which flag, as for a flag that is not a number.
    if (!(error instanceof TypeError)) throw error
    const message = error.message.replace(/^\w+/, (name) => FLAGS[name] ?? name)
    console.error(`kvid-sim: ${message}`)
    process.exit(2)
  }
}

function portOption(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`kvid-sim: --port must be a whole number from 0 to 65535, got "${value}"`)
    process.exit(2)
  }
  return port
}

const adminSetting = readAdminFlags({
  admin: values.admin,
  noAdmin: values['no-admin'],
  token: values['admin-token'],
  environmentToken: process.env.KVID_SIM_ADMIN_TOKEN,
})
if (typeof adminSetting === 'string') {
  console.error(`kvid-sim: ${adminSetting} (see --help)`)
  process.exit(2)
}

const simulator = created({
  credits: numberOption('credits', values.credits),
  sceneMs: numberOption('scene-ms', values['scene-ms']),
  concurrency: numberOption('concurrency', values.concurrency),
  seed: numberOption('seed', values.seed),
  data: values.data,
  heartbeatMs: numberOption('heartbeat-ms', values['heartbeat-ms']),
  heartbeat: values['heartbeat-event'] ? 'event' : 'comment',
  profile,
  silentToolMs: numberOption('silent-tool-ms', values['silent-tool-ms']),
  zombieMs: numberOption('zombie-ms', values['zombie-ms']),
  rateLimit: numberOption('rate-limit', values['rate-limit']),
  maxBodyBytes: numberOption('max-body-bytes', values['max-body-bytes']),
  admin: adminSetting.admin,
  adminToken: adminSetting.admin ? adminSetting.token : undefined,
})

const { url } = await simulator.listen(portOption(values.port), values.host)
console.log(`kvid-sim listening on ${url}`)
if (profile !== 'standard') console.log(`  profile ${profile}: ${PROFILE_DESCRIPTIONS[profile]}`)
console.log('  user demo@example.com, api-key kvid_demo_key')
if (adminSetting.admin) {
  const token =
    adminSetting.source === 'generated'
      ? adminSetting.token
      : `(from ${adminSetting.source === 'flag' ? '--admin-token' : 'KVID_SIM_ADMIN_TOKEN'})`
  console.log(`  admin ${url}/__sim/requests, header x-sim-admin-token: ${token}`)
}

function stop() {
  simulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
