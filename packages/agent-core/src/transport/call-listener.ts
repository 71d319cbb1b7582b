import { type CallbackErrorHandler, reportCallbackError } from '../errors/report-callback-error'

/** How this package names itself in what it reports and warns. */
export const SOURCE = '@kvidai/agent-core'

/**
 * Calls one of an app's callbacks, `listener[name]`, when there is one. A callback that
 * throws is reported (`reportCallbackError`), never let through: it must not end a run.
 */
export function callListener<Listener extends object>(
  listener: Listener,
  name: keyof Listener & string,
  values: unknown[],
  onCallbackError?: CallbackErrorHandler,
) {
  try {
    ;(listener[name] as ((...args: unknown[]) => void) | undefined)?.(...values)
  } catch (error) {
    reportCallbackError(SOURCE, name, error, onCallbackError)
  }
}
