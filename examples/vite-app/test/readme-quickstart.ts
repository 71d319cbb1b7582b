import { readFileSync } from 'node:fs'

/** The `tsx` block of the root README's Quickstart section, as a reader would copy it. */
export function readmeQuickstart(): string {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
  const section = readme.split('\n## Quickstart\n')[1]?.split('\n## ')[0] ?? ''
  const block = /```tsx\n([\s\S]*?)```/.exec(section)?.[1]
  if (!block) throw new Error('The README has no tsx block in its Quickstart section.')
  return block
}
