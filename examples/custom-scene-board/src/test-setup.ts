import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(cleanup)

// Waits follow real streams from the simulator: a wait that succeeds ends as soon as it
// does; one that fails reports after 10 s rather than 1 s, which a busy machine can overrun.
configure({ asyncUtilTimeout: 10_000 })
