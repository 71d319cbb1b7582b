import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Without vitest globals the testing library cannot register its own cleanup: unmount here,
// in jsdom and in Chromium alike, so each test starts from an empty document.
afterEach(cleanup)

// `findBy…` and `waitFor` wait for real streams from the simulator, beside other suites on a
// busy machine: a wait that succeeds ends as soon as it does; one that fails reports after
// 10 s instead of the library's 1 s, which a loaded two-core runner can overrun.
configure({ asyncUtilTimeout: 10_000 })

// jsdom has no canvas: it logs "Not implemented" on every `getContext` call (axe asks once
// per check) and returns nothing. Returning nothing quietly keeps failures readable in logs.
if (typeof HTMLCanvasElement !== 'undefined' && navigator.userAgent.includes('jsdom')) {
  HTMLCanvasElement.prototype.getContext = () => null
}
