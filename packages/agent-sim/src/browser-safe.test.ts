import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

/** Every module the entry reaches inside this package, with what each imports from outside. */
function importGraph(entry: string) {
  const seen = new Map<string, string[]>()
  const pending = [resolve(here, entry)]
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (seen.has(file)) continue
    const source = readFileSync(file, 'utf8')
    const outside: string[] = []
    for (const match of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1] as string
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), `${specifier}.ts`))
      else outside.push(specifier)
    }
    seen.set(file, outside)
  }
  return seen
}

it('keeps the main entry on web standards, so it runs in a browser page', () => {
  const graph = importGraph('index.ts')
  expect(graph.size).toBeGreaterThan(10)
  const outside = new Set([...graph.values()].flat())
  for (const specifier of outside) {
    expect(specifier).not.toMatch(/^node:|^@hono\/node-server/)
  }
  expect([...outside].sort()).toEqual(['@kvidai/agent-protocol', 'hono', 'hono/cors'])
})

it('keeps Node to the node entry', () => {
  const outside = new Set([...importGraph('node/index.ts').values()].flat())
  expect(outside.has('@hono/node-server')).toBe(true)
})
