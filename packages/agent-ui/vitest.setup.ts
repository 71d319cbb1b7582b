import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Without vitest globals the testing library cannot register its own cleanup: unmount here,
// in jsdom and in Chromium alike, so each test starts from an empty document.
afterEach(cleanup)
