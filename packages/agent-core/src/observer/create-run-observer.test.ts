import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { describe, expect, it } from 'vitest'
import { createAgentRunRegistry } from '../registry/create-agent-run-registry'
import { CREDENTIALS, runInput, SHORT_EDIT, setupTestSimulator, waitFor } from '../test-utils'
import { createRunObserver } from './create-run-observer'
import { storeResumeCheck } from './resume-check-source'

const handle = setupTestSimulator()

function registryFor(options: Partial<Parameters<typeof createAgentRunRegistry>[0]> = {}) {
  return createAgentRunRegistry({ baseUrl: handle.simulator.url, ...CREDENTIALS, ...options })
}

const checks = () => handle.simulator.admin.requests().byRoute['GET /api/agent/check-resume']

describe('createRunObserver, without any framework', () => {
  it('does nothing until subscribed: no hold, no restore, no request', async () => {
    const storage = createMemoryStorage()
    const registry = registryFor({ storage })
    const observer = createRunObserver(registry, { projectId: 1 })
    expect(observer.getResult()).toMatchObject({ status: 'idle', error: null, isRunning: false })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(handle.simulator.admin.requests().total).toBe(0)
  })

  it('holds the run while subscribed: the last unsubscribe stops it, and not before', async () => {
    const registry = registryFor()
    const first = createRunObserver(registry, { projectId: 1 })
    const second = createRunObserver(registry, { projectId: 1 })
    const leaveFirst = first.subscribe(() => {})
    const leaveSecond = second.subscribe(() => {})
    handle.simulator.admin.setFaults({ stallAfterEvents: 4 })
    const running = first.getResult().startAsync(runInput())
    await waitFor(() => first.getResult().status === 'streaming')
    leaveFirst()
    expect(registry.store(1).getState().status).toBe('streaming')
    leaveSecond()
    expect(await running).toEqual({ reason: 'aborted' })
    expect(second.getResult().status).toBe('stopped')
  })

  it('changes its result only when the status or the error does, and tells its listeners', async () => {
    const registry = registryFor()
    const observer = createRunObserver(registry, { projectId: 1 })
    const results = new Set<unknown>()
    observer.subscribe(() => results.add(observer.getResult()))
    const before = observer.getResult()
    await observer.getResult().startAsync(runInput({ message: SHORT_EDIT }))
    const statuses = [...results].map((result) => (result as { status: string }).status)
    expect(statuses).toEqual(['submitting', 'streaming', 'done'])
    expect(observer.getResult().start).toBe(before.start)
  })

  it('routes the run to the latest callbacks, and follows a new project', async () => {
    const registry = registryFor()
    const heard: string[] = []
    const observer = createRunObserver(registry, {
      projectId: 1,
      onFinish: () => heard.push('old'),
    })
    observer.subscribe(() => {})
    observer.setOptions({ projectId: 1, onFinish: (finish) => heard.push(`1:${finish.reason}`) })
    await registry.store(1).start(runInput({ message: SHORT_EDIT }))
    observer.setOptions({ projectId: 2, onFinish: (finish) => heard.push(`2:${finish.reason}`) })
    expect(observer.getResult().status).toBe('idle')
    await registry.store(1).start(runInput({ message: SHORT_EDIT }))
    await observer.getResult().startAsync({ message: SHORT_EDIT, composition: { tracks: [] } })
    expect(heard).toEqual(['1:done', '2:done'])
  })

  it('restores the saved run once, however many observers subscribe, asking check-resume once', async () => {
    const storage = createMemoryStorage()
    handle.simulator.admin.setUser('demo@example.com', { credits: 35 })
    await registryFor({ storage })
      .store(1)
      .start(runInput({ projectId: 1 }))
    await new Promise((resolve) => setTimeout(resolve, 10))
    const before = checks()
    let fetched = 0
    const reloaded = registryFor({
      storage,
      resumeCheck: (_projectId, store) => ({
        ...storeResumeCheck(store),
        fetch: () => {
          fetched++
          return store.checkResume()
        },
      }),
    })
    const observers = [1, 2, 3].map(() => createRunObserver(reloaded, { projectId: 1 }))
    for (const observer of observers) observer.subscribe(() => {})
    await reloaded.restore(1)
    expect(fetched).toBe(1)
    expect(checks() - before).toBe(1)
    expect(observers[2]?.getResult().status).toBe('done')
    expect(reloaded.store(1).getState().jobId).toBe(handle.simulator.admin.jobs()[0]?.jobId)
  })
})
