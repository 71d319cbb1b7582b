import type { AgentRunStartInput, AgentRunStore } from '../store/create-agent-run-store'
import type { RunOutcome } from '../transport/run-outcome'

/** The commands that send, as promises: they resolve with the outcome or reject with the error. */
export interface AgentRunCommands {
  start(input: Omit<AgentRunStartInput, 'projectId'>): Promise<RunOutcome>
  startAgain(): Promise<RunOutcome>
  resume(jobId?: string): Promise<RunOutcome>
  retryScene(sceneId: string): Promise<RunOutcome>
}

/**
 * Each command twice, as TanStack Query's `mutate` and `mutateAsync`: `start(input)` sends
 * and returns nothing (what it ends with shows in the state and the callbacks; while a
 * request streams it sends nothing), `startAsync` resolves with the outcome or rejects with
 * the error (`AgentStoreError` `RUN_IN_FLIGHT` while a request streams). Likewise
 * `startAgain`, `resume(jobId?)` and `retryScene(sceneId)`. `stop()` closes the stream (a long
 * video's job stays resumable); `reset()` forgets the run and its saved snapshot.
 */
export type RunCommands = {
  [Name in keyof AgentRunCommands]: (...args: Parameters<AgentRunCommands[Name]>) => void
} & { [Name in keyof AgentRunCommands as `${Name}Async`]: AgentRunCommands[Name] } & Pick<
    AgentRunStore,
    'stop' | 'reset'
  >

const made = new WeakMap<AgentRunStore, RunCommands>()

/** Fire and forget: the error is already in the state and `onError`. */
function send<Args extends unknown[]>(command: (...args: Args) => Promise<RunOutcome>) {
  return (...args: Args) => {
    command(...args).catch(() => {})
  }
}

/** A store's commands, made once per store, so their identity never changes. */
export function runCommands(store: AgentRunStore): RunCommands {
  let commands = made.get(store)
  if (!commands) {
    commands = {
      start: send(store.start),
      startAsync: store.start,
      startAgain: send(store.startAgain),
      startAgainAsync: store.startAgain,
      resume: send(store.resume),
      resumeAsync: store.resume,
      retryScene: send(store.retryScene),
      retrySceneAsync: store.retryScene,
      stop: store.stop,
      reset: store.reset,
    }
    made.set(store, commands)
  }
  return commands
}
