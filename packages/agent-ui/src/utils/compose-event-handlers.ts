/** Runs the user's handler first; ours only if theirs did not call `preventDefault()`. */
export function composeEventHandlers<Event extends { defaultPrevented: boolean }>(
  theirs: ((event: Event) => void) | undefined,
  ours: (event: Event) => void,
) {
  return (event: Event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
