// One list of size budgets, read by `.size-limit.js` (the enforced ceilings) and by
// `bench/size.ts` (targets, tree-shaking assertions, byte breakdown).
// `target` is the goal the issues set (core and react + core: issue 21, replacing issue 15's); `ceiling` is what CI enforces today: the measured size
// rounded up a little, so any regression fails. Lower a ceiling whenever a change shrinks
// an entry; when ceiling <= target the target is met. Sizes are bytes, min + gzip.
const peers = ['react', 'react-dom', '@tanstack/react-query']
const entry = (file) => `bench/size-entries/${file}`

export const budgets = [
  {
    name: '@kvidai/agent-core alone',
    path: entry('core.js'),
    ignore: peers,
    target: 10000,
    ceiling: 15600,
  },
  {
    name: '@kvidai/agent-react + @kvidai/agent-core',
    path: entry('react-core.js'),
    ignore: peers,
    target: 11500,
    ceiling: 17700,
  },
  {
    name: '@kvidai/agent-ui JS on top of react + core',
    path: entry('ui.js'),
    ignore: [...peers, '@kvidai/agent-react', '@kvidai/agent-core'],
    target: 10000,
    ceiling: 11250,
  },
  {
    name: '@kvidai/agent-ui + react + core (all JS)',
    path: entry('ui-react-core.js'),
    ignore: peers,
    target: 18000,
    ceiling: 27750,
  },
  {
    name: '@kvidai/agent-ui CSS',
    path: 'packages/agent-ui/dist/styles.css',
    target: 3000,
    ceiling: 2150,
  },
  {
    name: 'useResumeCheck only (tree-shaking)',
    path: entry('use-resume-check.js'),
    ignore: peers,
    target: null,
    ceiling: 1550,
    mustNotContain: ['data-kvid-board', 'data-kvid-scene'],
  },
  {
    name: 'ResumeButton only from agent-ui (tree-shaking)',
    path: entry('resume-button.js'),
    ignore: peers,
    target: null,
    ceiling: 2600,
    mustNotContain: ['data-kvid-board', 'data-kvid-scene'],
  },
  {
    name: '@kvidai/agent-devtools in a production build (default entry)',
    path: entry('devtools-production.js'),
    ignore: [...peers, '@kvidai/agent-react', '@kvidai/agent-core'],
    target: 300,
    ceiling: 300,
    mustNotContain: ['data-kvid-devtools'],
  },
  {
    name: '@kvidai/agent-devtools panel (production entry) on top of react + core',
    path: entry('devtools-panel.js'),
    ignore: [...peers, '@kvidai/agent-react', '@kvidai/agent-core'],
    target: null,
    ceiling: 7100,
  },
]
