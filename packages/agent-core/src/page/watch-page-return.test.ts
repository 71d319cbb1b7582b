import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { storeResumeCheck } from '../observer/resume-check-source'
import { createAgentRunStore } from '../store/create-agent-run-store'
import { PROJECT_ID, postCount, runInput, setupTestSimulator, testClient } from '../test-utils'
import { watchPageReturn } from './watch-page-return'

const handle = setupTestSimulator()

/** A page made of event targets: `online` on the window, visibility on the document. */
function fakePage() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' })
  return {
    window: new EventTarget(),
    document,
    show() {
      document.visibilityState = 'visible'
      document.dispatchEvent(new Event('visibilitychange'))
    },
  }
}

/** A store and a source counting the fresh check-resume answers it asked for. */
function setup() {
  const store = createAgentRunStore({
    client: testClient(handle.simulator.url),
    projectId: PROJECT_ID,
  })
  const fetched: boolean[] = []
  const answers: Array<Promise<unknown>> = []
  const source = () => {
    const inner = storeResumeCheck(store)
    return {
      ...inner,
      fetch(fresh: boolean) {
        fetched.push(fresh)
        const answer = inner.fetch(fresh)
        answers.push(answer)
        return answer
      },
    }
  }
  return { store, fetched, answers, source }
}

describe('watchPageReturn', () => {
  it('asks check-resume once when the connection comes back after a run was cut, and sends nothing', async () => {
    const { store, fetched, answers, source } = setup()
    const page = fakePage()
    const stop = watchPageReturn(store, source, page)
    handle.simulator.admin.setFaults({ cutAfterEvents: 6 })
    expect(await store.start(runInput())).toMatchObject({ reason: 'interrupted' })
    page.window.dispatchEvent(new Event('online'))
    expect(fetched).toEqual([true])
    const job = await answers[0]
    expect(job).toMatchObject({ jobId: store.getState().jobId })
    expect(postCount(handle.simulator)).toBe(1)
    stop()
    page.window.dispatchEvent(new Event('online'))
    expect(fetched).toEqual([true])
  })

  it('asks when a hidden page becomes visible after its run was cut, and not for a finished run', async () => {
    const interrupted = setup()
    const page = fakePage()
    watchPageReturn(interrupted.store, interrupted.source, page)
    handle.simulator.admin.setFaults({ cutAfterEvents: 6 })
    await interrupted.store.start(runInput())
    page.show()
    expect(interrupted.fetched).toEqual([true])

    handle.simulator.admin.reset()
    const finished = setup()
    const other = fakePage()
    watchPageReturn(finished.store, finished.source, other)
    expect(await finished.store.start(runInput())).toMatchObject({ reason: 'done' })
    other.show()
    other.window.dispatchEvent(new Event('online'))
    expect(finished.fetched).toEqual([])
  })

  it('works without a window or document (Node)', () => {
    const { store, source } = setup()
    expect(() => watchPageReturn(store, source, {})()).not.toThrow()
  })
})
