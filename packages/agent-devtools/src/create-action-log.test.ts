import { createAgentRunStore, type RunAction, rebuildRunState } from '@kvidai/agent-core'
import { describe, expect, it } from 'vitest'
import { createActionLog } from './create-action-log'

function store() {
  return createAgentRunStore({
    client: {} as Parameters<typeof createAgentRunStore>[0]['client'],
    projectId: 1,
  })
}

const scene = (index: number): RunAction => ({
  type: 'scene_start',
  data: { sceneId: `s${index}`, sceneIndex: index },
})

describe('createActionLog', () => {
  it('keeps the latest actions within its limit, folding the dropped ones into its initial state', () => {
    const target = store()
    const log = createActionLog(target, 3)
    let changes = 0
    log.subscribe(() => changes++)
    for (let index = 0; index < 5; index++) target.dispatch(scene(index))
    const view = log.getView()
    expect(changes).toBe(5)
    expect(view.dropped).toBe(2)
    expect(view.entries.map((entry) => entry.sequence)).toEqual([3, 4, 5])
    expect(Object.keys(view.initial.scenes)).toEqual(['s0', 's1'])
    expect(rebuildRunState(view.entries, view.initial)).toEqual(target.getState())
  })

  it('stops hearing the store when closed', () => {
    const target = store()
    const log = createActionLog(target)
    target.dispatch(scene(0))
    log.close()
    target.dispatch(scene(1))
    expect(log.getView().entries).toHaveLength(1)
  })
})
