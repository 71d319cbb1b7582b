import type { AgentError } from '../errors/agent-errors'
import type { AgentRunRegistry } from '../registry/create-agent-run-registry'
import { isRunning, type RunStatus } from '../state/run-state'
import type { AgentRunStore } from '../store/create-agent-run-store'
import { callbacksListener, type RunCallbacks } from '../store/run-callbacks'
import { type RunCommands, runCommands } from './run-commands'

export interface RunObserverOptions extends RunCallbacks {
  projectId: number
}

/** What an observer shows of its run: the status, the last error, and the commands. */
export type RunObserverResult = {
  status: RunStatus
  error: AgentError | null
  isRunning: boolean
} & RunCommands

/**
 * One view of a project's run, as TanStack Query's observers are of a query: subscribing
 * holds the run (it stops when its last holder lets go, unless the registry says otherwise),
 * brings back its saved snapshot once and checks it against the server, and routes the
 * run's news to this view's callbacks; the last unsubscribe lets go. `setOptions` swaps the
 * callbacks or the project. The result changes only when the status or the error does.
 */
export function createRunObserver(registry: AgentRunRegistry, initialOptions: RunObserverOptions) {
  let options = initialOptions
  let store: AgentRunStore = registry.store(options.projectId)
  const listeners = new Set<() => void>()
  let release: (() => void) | undefined
  let result: RunObserverResult = resultOf(store)

  function resultOf(from: AgentRunStore, last?: RunObserverResult): RunObserverResult {
    const { status, error } = from.getState()
    const commands = runCommands(from)
    if (last && last.status === status && last.error === error && last.stop === commands.stop) {
      return last
    }
    return { ...commands, status, error, isRunning: isRunning({ status }) }
  }
  function update() {
    const next = resultOf(store, result)
    if (next === result) return
    result = next
    for (const listener of listeners) listener()
  }
  function attach() {
    const { projectId } = options
    const letGo = registry.hold(projectId)
    const unlisten = store.subscribeActions(
      callbacksListener(
        () => options,
        () => registry.getOptions().onCallbackError,
      ),
    )
    const unsubscribe = store.subscribe(update)
    void registry.restore(projectId)
    release = () => {
      unsubscribe()
      unlisten()
      letGo()
    }
    update()
  }

  return {
    /** Holds the run while anything listens; returns the way to stop listening. */
    subscribe(listener: () => void) {
      listeners.add(listener)
      if (!release) attach()
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0 || !release) return
        release()
        release = undefined
      }
    },
    /** The current result; read afresh while nothing listens, so it is never stale. */
    getResult() {
      if (!release) result = resultOf(store, result)
      return result
    },
    setOptions(next: RunObserverOptions) {
      const moved = next.projectId !== options.projectId
      options = next
      if (!moved) return
      const attached = release !== undefined
      release?.()
      store = registry.store(next.projectId)
      if (attached) attach()
      else update()
    },
  }
}

export type RunObserver = ReturnType<typeof createRunObserver>
