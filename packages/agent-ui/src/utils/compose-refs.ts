import type { Ref, RefCallback } from 'react'

/** One callback ref that sets every given ref, object or function, to the same node. */
export function composeRefs<Node>(...refs: Array<Ref<Node> | undefined>): RefCallback<Node> {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node)
      else if (ref) (ref as { current: Node | null }).current = node
    }
  }
}
