import { reduceRunAction } from '../state/reduce-run-action'
import type { RunLogEntry } from '../state/run-action'
import { type AgentRunState, isRunning } from '../state/run-state'
import { selectProgress } from '../state/select-progress'
import type { AgentRunStore } from '../store/create-agent-run-store'
import {
  observeCompletion,
  planEstimate,
  type TimeLeft,
  type TimeLeftEstimate,
  timeLeftAt,
} from './estimate-time-left'

/**
 * A run's time left, kept from its log. The state holds no times (actions are pure data);
 * the log's entries do (`at`), so the pace lives beside the state, fed by the same actions:
 * a mirror in another tab that dispatches the owner's actions keeps its own.
 */
export interface ScenePace {
  /** Reads one log entry; a store's `subscribeActions` listener. */
  listener(entry: RunLogEntry, state: AgentRunState): void
  /**
   * The time left now while a request streams: from the plan until a scene completes, then
   * from the pace. Null when nothing streams or there is no basis yet.
   */
  timeLeft(state: AgentRunState, now?: number): TimeLeft | null
}

export function createScenePace(): ScenePace {
  let estimate: TimeLeftEstimate | null = null
  let startedAt: number | null = null
  let completed = 0
  let widest = 0

  return {
    listener({ action, at }, state) {
      switch (action.type) {
        case 'request_sent':
          estimate = action.plan ? planEstimate(action.plan.estimatedMinutes, at) : null
          startedAt = null
          completed = 0
          widest = 0
          return
        case 'plan_ready':
          if (estimate?.basis !== 'pace') estimate = planEstimate(action.data.estimatedMinutes, at)
          return
        case 'scene_start':
          startedAt ??= at
          widest = Math.max(widest, selectProgress(state).running)
          return
        case 'scene_complete': {
          if (startedAt === null) return
          completed++
          // Until the first wave of parallel scenes is through, the pace reads far too slow.
          if (completed < widest) return
          const progress = selectProgress(state)
          const left = Math.max(0, progress.total - progress.completed - progress.failed)
          estimate = observeCompletion(estimate, { startedAt, at, completed, left })
          return
        }
        case 'reset':
        case 'restored':
          estimate = null
          startedAt = null
          completed = 0
          widest = 0
      }
    },
    timeLeft(state, now = Date.now()) {
      return isRunning(state) ? timeLeftAt(estimate, now) : null
    },
  }
}

/**
 * Feeds a pace the log another tab kept, with that tab's times: a tab that catches up on a
 * run replays its log at once, and the times it reduced them at say nothing of the pace.
 */
export function replayPace(pace: ScenePace, initial: AgentRunState, entries: RunLogEntry[]) {
  let state = initial
  pace.listener(
    { sequence: 0, at: entries[0]?.at ?? 0, action: { type: 'reset', projectId: null } },
    state,
  )
  for (const entry of entries) {
    state = reduceRunAction(state, entry.action)
    pace.listener(entry, state)
  }
}

const paces = new WeakMap<AgentRunStore, ScenePace>()

/**
 * The pace of a store's runs, kept from the first call on (the registry calls it as it makes
 * each store, so a binding reading it later has seen the whole run).
 */
export function scenePaceOf(store: AgentRunStore): ScenePace {
  let pace = paces.get(store)
  if (!pace) {
    pace = createScenePace()
    store.subscribeActions(pace.listener)
    paces.set(store, pace)
  }
  return pace
}

/** A store's time left now (see `ScenePace.timeLeft`). */
export function selectTimeLeft(store: AgentRunStore, now?: number): TimeLeft | null {
  return scenePaceOf(store).timeLeft(store.getState(), now)
}
