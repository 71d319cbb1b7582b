import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { LONGEST_TIMER_MS, OPTION_BOUNDS } from './option-bounds'
import type { SimulatorOptions } from './options'
import { createSimulator } from './simulator'
import { post, readEvents, runBody } from './test-support'

const run = promisify(execFile)
const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Each numeric option, the first and last values it takes, and values it must refuse. */
const LIMITS: Array<[keyof SimulatorOptions, number, number, unknown[]]> = [
  ['seed', 0, 4_294_967_295, [-1, 1.5, 2 ** 32]],
  ['credits', 0, Number.MAX_SAFE_INTEGER, [-1, Number.MAX_SAFE_INTEGER * 2]],
  ['sceneMs', 0, 3_600_000, [-1, 3_600_001]],
  ['toolMs', 0, 3_600_000, [-1, 3_600_001]],
  ['concurrency', 1, 100, [0, 2.5, 101]],
  ['checkpointEvery', 1, Number.MAX_SAFE_INTEGER, [0, 1.5, Number.MAX_SAFE_INTEGER * 2]],
  ['heartbeatMs', 0, LONGEST_TIMER_MS, [-1, LONGEST_TIMER_MS + 1, 2 ** 40]],
  ['zombieMs', 0, LONGEST_TIMER_MS, [-1, LONGEST_TIMER_MS + 1]],
  ['silentToolMs', 0, LONGEST_TIMER_MS, [-1, LONGEST_TIMER_MS + 1]],
  ['rateLimit', 0, 100_000, [-1, 0.5, 100_001]],
]
const NOT_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '300', null]

describe('option bounds', () => {
  it.each(LIMITS)(
    '%s: takes %d to %d, refuses the rest with a TypeError naming it',
    async (name, first, last, refused) => {
      for (const value of [...refused, ...NOT_NUMBERS]) {
        const attempt = () => createSimulator({ [name]: value } as SimulatorOptions)
        expect(attempt, `${name}: ${String(value)}`).toThrow(TypeError)
        expect(attempt).toThrow(
          new RegExp(`^${name} must be .* from ${first}.* to ${last};.*leave it out`),
        )
      }
      for (const value of [first, last]) {
        await createSimulator({ [name]: value } as SimulatorOptions).close()
      }
    },
  )

  it('checks prices, the keep-alive kind and the admin switch the same way', () => {
    expect(() => createSimulator({ prices: { scene: -1 } })).toThrow(/^prices\.scene must be/)
    expect(() => createSimulator({ prices: { scene: Number.NaN } })).toThrow(TypeError)
    expect(() => createSimulator({ prices: { bonus: 1 } as never })).toThrow(/prices\.bonus is not/)
    expect(() => createSimulator({ heartbeat: 'loud' as never })).toThrow(/^heartbeat must be one/)
    expect(() => createSimulator({ admin: 'yes' as never })).toThrow(/^admin must be one of/)
  })

  it('keeps a long heartbeat long: no keep-alive storm from a timer that overflowed', async () => {
    const simulator = createSimulator({ heartbeatMs: OPTION_BOUNDS.heartbeatMs.max, sceneMs: 40 })
    try {
      const response = await post(
        simulator.fetch,
        'http://sim.test',
        '/api/agent',
        runBody({ message: 'An explainer in 2 scenes' }),
      )
      const result = await readEvents(response)
      expect(result.events.at(-1)?.event).toBe('done')
      expect(result.comments).toEqual([])
    } finally {
      await simulator.close()
    }
  })
})

describe('the CLI on a bad option', () => {
  async function refusal(args: string[]) {
    return run(process.execPath, ['dist/cli.js', '--port', '0', ...args], {
      cwd: packageRoot,
    }).catch((error: { code: number; stderr: string; stdout: string }) => error)
  }

  it.each([
    [['--heartbeat-ms', '3000000000'], /^kvid-sim: --heartbeat-ms must be .* to 2147483647;/],
    [['--concurrency', '0'], /^kvid-sim: --concurrency must be a whole number .* from 1 to 100;/],
    [['--scene-ms', 'soon'], /^kvid-sim: --scene-ms needs a number, got "soon"/],
    [['--credits', ''], /^kvid-sim: --credits needs a number/],
    [['--port', '70000'], /^kvid-sim: --port must be a whole number from 0 to 65535/],
  ])('%j exits 2 with one line naming the flag', async (args, pattern) => {
    const refused = await refusal(args)
    expect(refused).toMatchObject({ code: 2, stdout: '' })
    const lines = (refused as { stderr: string }).stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(pattern)
  })
})
