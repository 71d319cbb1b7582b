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
  /** When each scene running now started, by id. */
  let running = new Map<string, number>()
  let completed = 0
  let renderedMs = 0
  let widest = 0

  function clear(next: TimeLeftEstimate | null) {
    estimate = next
    running = new Map()
    completed = 0
    renderedMs = 0
    widest = 0
  }

  return {
    listener({ action, at }, state) {
      switch (action.type) {
        case 'request_sent':
          clear(action.plan ? planEstimate(action.plan.estimatedMinutes, at) : null)
          return
        case 'plan_ready':
          if (estimate?.basis !== 'pace') estimate = planEstimate(action.data.estimatedMinutes, at)
          return
        case 'scene_start':
          running.set(action.data.sceneId, at)
          widest = Math.max(widest, running.size)
          return
        case 'scene_failed':
          running.delete(action.data.sceneId)
          return
        case 'scene_complete': {
          const since = running.get(action.data.sceneId)
          if (since === undefined) return
          running.delete(action.data.sceneId)
          completed++
          renderedMs += at - since
          // Until the first wave of parallel scenes is through, one scene's time is all there is.
          if (completed < widest) return
          const progress = selectProgress(state)
          const waiting = progress.total - progress.completed - progress.failed - running.size
          estimate = observeCompletion(estimate, {
            at,
            sceneMs: renderedMs / completed,
            lanes: widest,
            runningSince: [...running.values()],
            waiting: Math.max(0, waiting),
          })
          return
        }
        case 'reset':
        case 'restored':
          clear(null)
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
