import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportedValues, mentions, packageEntries } from './readme-exports'

const packagesDirectory = fileURLToPath(new URL('../../packages', import.meta.url))
const packages = [
  'agent-protocol',
  'agent-core',
  'agent-react',
  'agent-ui',
  'agent-sim',
  'agent-devtools',
]
const readmes = new Map(
  packages.map((name) => [name, readFileSync(join(packagesDirectory, name, 'README.md'), 'utf8')]),
)

describe('the README check itself', () => {
  it('counts a name only where it stands as code', () => {
    expect(mentions('call `useAgentRun()` first', 'useAgentRun')).toBe(true)
    expect(mentions('wrap it in <KvidAgentProvider>', 'KvidAgentProvider')).toBe(true)
    expect(mentions('use `Board.Root`', 'Root')).toBe(true)
    expect(mentions('call `useAgentRunner()` first', 'useAgentRun')).toBe(false)
    expect(mentions('the useAgentRun hook', 'useAgentRun')).toBe(false)
  })
})

describe.each(packages)('@kvidai/%s README', (name) => {
  const directory = join(packagesDirectory, name)
  const entries = packageEntries(directory)
  const values = exportedValues(
    entries.map((entry) => entry.source),
    packagesDirectory,
  )

  // A value re-exported from another of our packages may be documented there instead.
  it.each(entries.map((entry) => [entry.subpath, entry.source]))(
    'documents every value %s exports',
    (_subpath, source) => {
      const undocumented = (values.get(source) ?? []).filter(
        (value) =>
          !mentions(readmes.get(name) ?? '', value.name) &&
          !mentions(readmes.get(value.declaredIn) ?? '', value.name),
      )
      expect(undocumented.map((value) => value.name)).toEqual([])
    },
  )
})
