// Size budgets for `pnpm size` (size-limit + @size-limit/esbuild, minified + gzip).
// The enforced limit is each entry's current ceiling; the issue's target is in the name.
// Edit the numbers in bench/size-budgets.js. See BENCHMARKS.md.
import { budgets } from './bench/size-budgets.js'

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`

export default budgets.map((budget) => ({
  name: `${budget.name}${budget.target ? ` — issue target ${kB(budget.target)}` : ''}`,
  path: budget.path,
  ...(budget.ignore ? { ignore: budget.ignore } : {}),
  gzip: true,
  limit: budget.ceiling ? `${budget.ceiling} B` : '1 MB',
}))
