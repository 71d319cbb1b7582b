import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(cleanup)

// `waitFor` waits for real streams from the simulator, beside other suites on a busy machine:
// a wait that succeeds ends as soon as it does; one that fails reports after 10 s instead of
// the library's 1 s, which a loaded two-core runner can overrun.
configure({ asyncUtilTimeout: 10_000 })
