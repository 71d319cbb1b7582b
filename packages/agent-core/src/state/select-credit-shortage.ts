import { isObject } from '@kvidai/agent-protocol'
import { AgentRequestError } from '../errors/agent-errors'
import { isNumber } from '../protocol/payload-reader'
import type { AgentRunState } from './run-state'
import { selectProgress } from './select-progress'

/** What the user is told: all in credits and scenes; null where the server said nothing. */
export interface CreditShortageFigures {
  completedScenes: number
  totalScenes: number
  /** The balance when the run stopped (a shortage) or was refused. */
  remainingCredit: number | null
  estPerScene: number | null
  /** What finishing the remaining scenes would cost, by the server's estimate. */
  neededCredits: number | null
  /** How many more scenes the balance covers. */
  coveredScenes: number | null
  /** For a refusal: what the request would have reserved. */
  required: number | null
}

/**
 * What moves on: `try-again` re-sends a start that was refused, `resume` continues the
 * job, `retry-scene` re-sends a refused scene retry.
 */
export type CreditShortageAction = 'try-again' | 'resume' | 'retry-scene'

export interface CreditShortageView {
  /** A mid-run shortage, or a request refused for lack of credit; null when neither. */
  trigger: 'shortage' | 'refused' | null
  /** What caused it, as an object whose identity changes with each new one. */
  cause: object | null
  action: CreditShortageAction | null
  /** The scene a refused retry was for. */
  sceneId: string | null
  figures: CreditShortageFigures
}

/** A refusal's figures, read once from the reject body: whatever is not a number is null. */
function readRefusal(data: unknown): { available: number | null; required: number | null } {
  const body = isObject(data) ? data : {}
  const figure = (value: unknown) => (isNumber(value) ? (value as number) : null)
  return { available: figure(body.available), required: figure(body.required) }
}

const views = new WeakMap<AgentRunState, CreditShortageView>()

/** One value for every state without a shortage, so a listener is not woken by other news. */
const NONE: CreditShortageView = {
  trigger: null,
  cause: null,
  action: null,
  sceneId: null,
  figures: {
    completedScenes: 0,
    totalScenes: 0,
    remainingCredit: null,
    estPerScene: null,
    neededCredits: null,
    coveredScenes: null,
    required: null,
  },
}

/** A credit shortage as a dialog shows it; computed once per state. */
export function selectCreditShortage(state: AgentRunState): CreditShortageView {
  const { error, creditShortage: shortage, request } = state
  const refusal =
    state.status === 'rejected' &&
    AgentRequestError.isInstance(error) &&
    error.code === 'INSUFFICIENT_CREDIT'
      ? readRefusal(error.data)
      : undefined
  if (refusal === undefined && !shortage) return NONE
  let view = views.get(state)
  if (view) return view
  // A refusal, else a shortage: `NONE` covered neither.
  const refused = refusal !== undefined
  const progress = selectProgress(state)
  const estPerScene = shortage?.estPerScene ?? null
  const remainingCredit = shortage?.remainingCredit ?? refusal?.available ?? null
  const totalScenes = shortage?.totalScenes || progress.total
  const completedScenes = Math.max(shortage?.completedScenes ?? 0, progress.completed)
  view = {
    trigger: refused ? 'refused' : 'shortage',
    cause: refused ? error : shortage,
    action: !refused
      ? 'resume'
      : request?.kind === 'run'
        ? 'try-again'
        : (request?.kind ?? 'resume'),
    sceneId: request?.kind === 'retry-scene' ? request.sceneId : null,
    figures: {
      completedScenes,
      totalScenes,
      remainingCredit,
      estPerScene,
      neededCredits:
        estPerScene === null ? null : Math.max(0, totalScenes - completedScenes) * estPerScene,
      coveredScenes:
        estPerScene && remainingCredit !== null ? Math.floor(remainingCredit / estPerScene) : null,
      required: refusal?.required ?? null,
    },
  }
  views.set(state, view)
  return view
}
