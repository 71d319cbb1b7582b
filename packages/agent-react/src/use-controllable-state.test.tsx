import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useControllableState } from './use-controllable-state'

/** A counter, controlled when given `value`; `caller` names it in the warning. */
function Counter(props: { value?: number; onChange?: (value: number) => void; caller: string }) {
  const [count, setCount] = useControllableState({
    value: props.value,
    defaultValue: 0,
    onChange: props.onChange,
    caller: props.caller,
  })
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {count}
    </button>
  )
}

const button = () => screen.getByRole('button')

afterEach(() => vi.restoreAllMocks())

describe('useControllableState', () => {
  it('uncontrolled: holds its own value and tells onChange of each change', async () => {
    const onChange = vi.fn()
    render(<Counter onChange={onChange} caller="Uncontrolled" />)
    await userEvent.click(button())
    await userEvent.click(button())
    expect(button().textContent).toBe('2')
    expect(onChange.mock.calls).toEqual([[1], [2]])
  })

  it('controlled: shows only the value it is given, and asks onChange for changes', async () => {
    const onChange = vi.fn()
    const { rerender } = render(<Counter value={5} onChange={onChange} caller="Controlled" />)
    await userEvent.click(button())
    expect(onChange.mock.calls).toEqual([[6]])
    // The caller did not take the change: the value stays.
    expect(button().textContent).toBe('5')
    rerender(<Counter value={6} onChange={onChange} caller="Controlled" />)
    expect(button().textContent).toBe('6')
  })

  it('warns once in development when a part switches from controlled to uncontrolled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rerender } = render(<Counter value={3} caller="SwitchOff" />)
    rerender(<Counter value={4} caller="SwitchOff" />)
    expect(warn).not.toHaveBeenCalled()
    rerender(<Counter caller="SwitchOff" />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /SwitchOff changed from controlled to uncontrolled/,
    )
    // Uncontrolled from now on, from its default.
    expect(button().textContent).toBe('0')
  })

  it('warns when a part switches from uncontrolled to controlled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rerender } = render(<Counter caller="SwitchOn" />)
    rerender(<Counter caller="SwitchOn" />)
    expect(warn).not.toHaveBeenCalled()
    rerender(<Counter value={7} caller="SwitchOn" />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /SwitchOn changed from uncontrolled to controlled/,
    )
    expect(button().textContent).toBe('7')
  })
})
