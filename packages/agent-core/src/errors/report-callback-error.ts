import { isProduction } from './dev-warning'

export type CallbackErrorHandler = (error: unknown, callback: string) => void

/**
 * Reports an error thrown by an app's callback, which must never end a run: to the app's
 * handler when it gave one, else to `console.error` in development builds.
 */
export function reportCallbackError(
  source: string,
  callback: string,
  error: unknown,
  handler?: CallbackErrorHandler,
) {
  if (handler) {
    try {
      handler(error, callback)
      return
    } catch {
      // A failing handler falls back to the console.
    }
  }
  if (!isProduction()) {
    console.error(`[${source}] ${callback} threw; the run goes on.`, error)
  }
}
