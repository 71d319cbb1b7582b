export { DEMO_USER } from '../options'
export { createMemoryStorage } from './memory-storage'
export {
  generations,
  LONG_VIDEO_PROMPT,
  paidRequests,
  runsSettled,
  SHORT_EDIT_PROMPT,
  stageShortage,
} from './scenarios'
export type { Fetch, SimulatorFetchOptions } from './simulator-fetch'
export { simulatorFetch } from './simulator-fetch'
export { waitFor } from './wait-for'
export type { TestUser } from './with-credentials'
export { withCredentials } from './with-credentials'
