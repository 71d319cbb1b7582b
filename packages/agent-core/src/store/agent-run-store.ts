import type { AgentRunInput, Locale, ResumableJob } from '@kvidai/agent-protocol'
import type { StoreApi } from 'zustand/vanilla'
import type { AgentClient } from '../client/create-agent-client'
import type { CallbackErrorHandler } from '../errors/report-callback-error'
import type { RunAction } from '../state/run-action'
import type { AgentRunState } from '../state/run-state'
import type { RunOutcome } from '../transport/run-outcome'
import type { RunActionListener, RunCallbacks } from './run-callbacks'
import type { AgentRunSnapshot } from './run-snapshot'
import type { RunStorage } from './run-storage'

export interface AgentRunStoreOptions extends RunCallbacks {
  client: AgentClient
  /** The project runs belong to; `start` may pass its own. */
  projectId?: number
  /** Sent with every request unless `start` says otherwise. */
  locale?: Locale
  /** Keeps a snapshot across reloads; see `restore()`. */
  storage?: RunStorage
  /**
   * The signed-in user, so snapshots of accounts that share a browser never mix: the key
   * becomes `kvidai-agent-run:<userId>:<projectId>`. Any stable id; it is not sent anywhere.
   */
  userId?: string
  /** Default `kvidai-agent-run:<userId>:<projectId>`. */
  storageKey?: string
  /** A snapshot older than this is dropped instead of restored. Default 7 days. */
  storageMaxAgeMs?: number
  /**
   * One of the callbacks above threw. The run goes on regardless; the error is also
   * logged with `console.error` in development builds.
   */
  onCallbackError?: CallbackErrorHandler
}

export type AgentRunStartInput = Omit<AgentRunInput, 'projectId'> & { projectId?: number }

export interface AgentRunStore
  extends Pick<StoreApi<AgentRunState>, 'getState' | 'getInitialState' | 'subscribe'> {
  /**
   * The only way the state changes: reduces the action and tells the action listeners.
   * The commands below dispatch; so may a mirror of another tab, or a devtools replay.
   */
  dispatch(action: RunAction): void
  /**
   * Hears every action once it is reduced, with its sequence number and time, and the state
   * it led to: the run's log. Returns the way to stop.
   */
  subscribeActions(listener: RunActionListener): () => void
  /** Starts a new run. Rejects with `RUN_IN_FLIGHT` while another request streams. */
  start(input: AgentRunStartInput): Promise<RunOutcome>
  /**
   * Sends the last `start` again, exactly as it was (message, composition, attachments,
   * options): "Try again" after a refusal. Rejects with `NO_RUN` when there was none.
   */
  startAgain(): Promise<RunOutcome>
  /** Resumes the given job, else this store's job, else the project's job from check-resume. */
  resume(jobId?: string): Promise<RunOutcome>
  retryScene(sceneId: string): Promise<RunOutcome>
  checkResume(): Promise<ResumableJob | null>
  /** Aborts the request in flight; the state becomes `stopped`. */
  stop(): void
  /** Aborts, forgets everything and clears the saved snapshot. */
  reset(): void
  /**
   * Removes the saved snapshot and keeps the state, so a state that cannot be shown does
   * not come back on the next reload; the next change saves again.
   */
  discardSnapshot(): void
  toSnapshot(): AgentRunSnapshot
  fromSnapshot(snapshot: AgentRunSnapshot): void
  /**
   * Loads the snapshot from `storage` into a store no action has changed yet; resolves
   * whether it was restored. Once anything was dispatched (a run started here, or mirrored
   * from another tab), before or while storage is read, that state is kept instead.
   */
  restore(): Promise<boolean>
  /**
   * Changes options from now on: a new client, locale or callbacks apply to the next
   * request and the next event. The project and storage key stay as they were.
   */
  setOptions(
    changes: Partial<Omit<AgentRunStoreOptions, 'projectId' | 'storageKey' | 'userId'>>,
  ): void
}
