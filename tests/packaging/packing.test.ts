import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const PACKAGES = fileURLToPath(new URL('../../packages/', import.meta.url))
const NAMES = [
  'agent-protocol',
  'agent-core',
  'agent-react',
  'agent-ui',
  'agent-sim',
  'agent-devtools',
]
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const

type Manifest = { version: string } & Partial<
  Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>
>

async function manifestOf(name: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(PACKAGES, name, 'package.json'), 'utf8'))
}

/** Runs a command in a package's folder and answers its exit code and output. */
async function runIn(
  name: string,
  command: string,
  args: string[],
  environment: Record<string, string> = {},
) {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: join(PACKAGES, name),
      env: { ...process.env, ...environment },
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, output: failed.stdout + failed.stderr }
  }
}

describe.each(NAMES)('@kvidai/%s', (name) => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), `kvid-pack-${name}-`))
  })
  afterAll(() => rm(folder, { recursive: true, force: true }))

  it('refuses npm pack, naming the commands that work, even inside a pnpm script', async () => {
    // Inside `pnpm run`, npm inherits pnpm's user agent and reports it as its own.
    const packed = await runIn(name, 'npm', ['pack', '--dry-run'], {
      npm_config_user_agent: 'pnpm/10.34.9 npm/? node/v20.20.2 linux x64',
    })

    expect(packed.code).not.toBe(0)
    expect(packed.output).toContain(`@kvidai/${name} is packed and published with pnpm only`)
    expect(packed.output).toContain('pnpm pack')
    expect(packed.output).toContain('pnpm release')
  })

  it('packs with pnpm, its workspace ranges turned into versions', async () => {
    const packed = await runIn(name, 'pnpm', ['pack', '--pack-destination', folder])
    expect(packed.code).toBe(0)

    const [tarball] = (await readdir(folder)).filter((file) => file.endsWith('.tgz'))
    const { stdout } = await run('tar', [
      '-xzOf',
      join(folder, String(tarball)),
      'package/package.json',
    ])
    const packedManifest = JSON.parse(stdout) as Manifest
    const sourceManifest = await manifestOf(name)
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, range] of Object.entries(sourceManifest[field] ?? {})) {
        const packedRange = packedManifest[field]?.[dependency]
        if (range === 'workspace:^') {
          const { version } = await manifestOf(dependency.replace('@kvidai/', ''))
          expect(packedRange).toBe(`^${version}`)
        } else {
          expect(packedRange).toBe(range)
        }
      }
    }
    expect(stdout).not.toContain('workspace:')
  })
})
