// A jsdom window as globals, plus a React DevTools-style hook that counts which components
// rendered in each commit (function, forward-ref and memo components whose render ran).
// Import this before react-dom.
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><body></body></html>', {
  pretendToBeVisual: true,
  url: 'http://app.test/',
})
const globals = globalThis as Record<string, unknown>
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (key in globals) continue
  try {
    globals[key] = (dom.window as unknown as Record<string, unknown>)[key]
  } catch {}
}
globals.window = dom.window
globals.document = dom.window.document
globals.IS_REACT_ACT_ENVIRONMENT = true

interface Fiber {
  tag: number
  type:
    | { displayName?: string; name?: string; render?: { name?: string }; type?: { name?: string } }
    | string
    | null
  flags: number
  child: Fiber | null
  sibling: Fiber | null
  alternate: Fiber | null
}
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]) // function, class, forwardRef, memo, simple memo
const PERFORMED_WORK = 1

export const renders = { total: 0, byName: new Map<string, number>() }
export function resetRenders() {
  renders.total = 0
  renders.byName.clear()
}

function nameOf(fiber: Fiber) {
  const type = fiber.type
  if (!type || typeof type === 'string') return String(type)
  return type.displayName || type.name || type.render?.name || type.type?.name || 'Anonymous'
}

function walk(fiber: Fiber | null) {
  while (fiber) {
    const mounted = fiber.alternate === null
    if (COMPONENT_TAGS.has(fiber.tag) && (mounted || (fiber.flags & PERFORMED_WORK) !== 0)) {
      renders.total++
      const name = nameOf(fiber)
      renders.byName.set(name, (renders.byName.get(name) ?? 0) + 1)
    }
    // an untouched subtree keeps its old child fibers: skip it, as React DevTools does
    if (mounted || fiber.child !== fiber.alternate?.child) walk(fiber.child)
    fiber = fiber.sibling
  }
}

globals.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
    const current = root.current
    if (current.alternate === null || current.child !== current.alternate.child) walk(current.child)
  },
  onPostCommitFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
}
