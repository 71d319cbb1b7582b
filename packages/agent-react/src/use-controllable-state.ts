import { devWarning } from '@kvidai/agent-core'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface ControllableStateOptions<Value> {
  /** Controlled: the value the caller holds. Undefined leaves the component uncontrolled. */
  value: Value | undefined
  /** Uncontrolled: the value it starts with. */
  defaultValue: Value
  /** Told of every change the component asks for, controlled or not. */
  onChange?: (value: Value) => void
  /** The component's name, for the development warning. */
  caller: string
}

/**
 * A value a component holds itself (uncontrolled) or takes from its caller (controlled),
 * decided by whether `value` is given; the one hook every controllable part uses
 * (`useCreditShortage`'s `open`, and agent-ui's prompt and dialog). The setter keeps its own copy only when
 * uncontrolled, and tells `onChange` of every change in both. In development it warns
 * when a component switches between the two during its life, which loses or freezes the
 * value.
 */
export function useControllableState<Value>({
  value,
  defaultValue,
  onChange,
  caller,
}: ControllableStateOptions<Value>): [Value, (next: Value) => void] {
  const [ownValue, setOwnValue] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : ownValue

  const wasControlled = useRef(controlled)
  useEffect(() => {
    if (wasControlled.current === controlled) return
    const change = controlled ? 'uncontrolled to controlled' : 'controlled to uncontrolled'
    devWarning(
      '@kvidai/agent-react',
      `${caller} changed from ${change}: give it a value always (updated on change) or never.`,
    )
    wasControlled.current = controlled
  }, [controlled, caller])

  // The latest handler, so the setter stays stable across renders.
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  })
  const setValue = useCallback(
    (next: Value) => {
      if (!controlled) setOwnValue(next)
      latest.current?.(next)
    },
    [controlled],
  )
  return [current, setValue]
}
