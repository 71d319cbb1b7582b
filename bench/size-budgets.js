// One list of size budgets, read by `.size-limit.js` (the enforced ceilings) and by
// `bench/size.ts` (targets, tree-shaking assertions, byte breakdown).
// `target` is the issue-7 goal; `ceiling` is what CI enforces today: the measured size
// rounded up a little, so any regression fails. Lower a ceiling whenever a change shrinks
// an entry; when ceiling <= target the target is met. Sizes are bytes, min + gzip.
const peers = ['react', 'react-dom', '@tanstack/react-query']
const entry = (file) => `bench/size-entries/${file}`

export const budgets = [
  {
    name: '@kvidai/agent-core alone',
    path: entry('core.js'),
    ignore: peers,
    target: 4000,
    ceiling: 11200,
  },
  {
    name: '@kvidai/agent-react + @kvidai/agent-core',
    path: entry('react-core.js'),
    ignore: peers,
    target: 6000,
    ceiling: 13250,
  },
  {
    name: '@kvidai/agent-ui JS on top of react + core',
    path: entry('ui.js'),
    ignore: [...peers, '@kvidai/agent-react', '@kvidai/agent-core'],
    target: 10000,
    ceiling: 8300,
  },
  {
    name: '@kvidai/agent-ui + react + core (all JS)',
    path: entry('ui-react-core.js'),
    ignore: peers,
    target: 16000,
    ceiling: 20450,
  },
  {
    name: '@kvidai/agent-ui CSS',
    path: 'packages/agent-ui/dist/styles.css',
    target: 3000,
    ceiling: 1700,
  },
  {
    name: 'useResumeCheck only (tree-shaking)',
    path: entry('use-resume-check.js'),
    ignore: peers,
    target: null,
    ceiling: 1600,
    mustNotContain: ['data-kvid-board', 'data-kvid-scene'],
  },
  {
    name: 'ResumeButton only from agent-ui (tree-shaking)',
    path: entry('resume-button.js'),
    ignore: peers,
    target: null,
    ceiling: 4750,
    mustNotContain: ['data-kvid-board', 'data-kvid-scene'],
  },
]
