import { expect, it } from 'vitest'
import * as core from './index'

it('exports the public API by name', () => {
  expect(Object.keys(core).sort()).toEqual(
    [
      'AGENT_EVENT_TYPES',
      'AGENT_LIMITS',
      'AGENT_REJECT_CODES',
      'AGENT_ROUTES',
      'AgentError',
      'AgentProtocolError',
      'AgentRequestError',
      'AgentStoreError',
      'AgentStreamError',
      'AgentValidationError',
      'DEFAULT_FPS',
      'DEFAULT_HEIGHT',
      'DEFAULT_STALL_AFTER_MS',
      'DEFAULT_WIDTH',
      'LOCALES',
      'STREAM_LIMITS',
      'clearAgentStorage',
      'createAgentClient',
      'createAgentRunRegistry',
      'createAgentRunStore',
      'createEmptyComposition',
      'createInitialRunState',
      'createScenePace',
      'devWarning',
      'fromRunSnapshot',
      'isRunSnapshot',
      'storeResumeCheck',
      'runCommands',
      'reviveAgentError',
      'reduceRunAction',
      'rebuildRunState',
      'isObject',
      'isAgentEvent',
      'createRunPersister',
      'createRunObserver',
      'SCENE_STATUSES',
      'RUN_STATUSES',
      'LIFECYCLE_ACTION_TYPES',
      'isRunning',
      'normalizeComposition',
      'parseAgentEvent',
      'reduceAgentEvent',
      'reportCallbackError',
      'sceneIdAt',
      'scenePaceOf',
      'selectCreditShortage',
      'selectProgress',
      'selectRunSummary',
      'selectTimeLeft',
      'settleRunningScenes',
      'storageKeyFor',
      'streamAgentEvents',
      'toRunSnapshot',
      'validateJobInput',
      'validateRunInput',
      'watchPageReturn',
    ].sort(),
  )
})

it('keeps record and replay in their own entry', async () => {
  const recording = await import('./recording/index')
  expect(Object.keys(recording).sort()).toEqual([
    'createRecorder',
    'createReplayFetch',
    'encodeRecordedEvent',
  ])
})
