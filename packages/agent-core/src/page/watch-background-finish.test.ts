// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAgentRunRegistry } from '../registry/create-agent-run-registry'
import { CREDENTIALS, runInput, SHORT_EDIT, setupTestSimulator } from '../test-utils'
import type { BackgroundFinish } from './watch-background-finish'

const handle = setupTestSimulator()
beforeEach(() => {
  document.title = 'Editor'
})
afterEach(() => {
  setHidden(false)
  vi.unstubAllGlobals()
})

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** A `Notification` with the given permission, recording what it was asked to show. */
function stubNotification(permission: NotificationPermission) {
  const shown: Array<{ title: string; body?: string }> = []
  const requestPermission = vi.fn()
  class FakeNotification {
    static permission = permission
    static requestPermission = requestPermission
    constructor(title: string, options?: { body?: string }) {
      shown.push({ title, body: options?.body })
    }
  }
  vi.stubGlobal('Notification', FakeNotification)
  return { shown, requestPermission }
}

const registryWith = (options: Partial<Parameters<typeof createAgentRunRegistry>[0]>) =>
  createAgentRunRegistry({
    baseUrl: handle.simulator.url,
    ...CREDENTIALS,
    storage: null,
    ...options,
  })

describe('a run that finishes in the background', () => {
  it('badges the title while hidden, tells the callback, and restores the title when seen', async () => {
    const heard: BackgroundFinish[] = []
    const registry = registryWith({ titleBadge: true, onBackgroundFinish: (f) => heard.push(f) })
    setHidden(true)
    expect(await registry.store(1).start(runInput({ projectId: 1 }))).toMatchObject({
      reason: 'done',
    })
    expect(document.title).toBe('✓ Video ready — Editor')
    expect(heard).toEqual([{ projectId: 1, kind: 'video-ready', text: '✓ Video ready' }])
    setHidden(false)
    expect(document.title).toBe('Editor')
  })

  it('speaks the registry’s language, and leaves a title the app changed meanwhile', async () => {
    const registry = registryWith({ titleBadge: true, locale: 'ko' })
    setHidden(true)
    await registry.store(1).start(runInput({ projectId: 1, message: SHORT_EDIT }))
    expect(document.title).toBe('✓ 편집 완료 — Editor')
    document.title = 'Another page'
    setHidden(false)
    expect(document.title).toBe('Another page')
  })

  it('shows a notification only when the app has the permission, and never asks for it', async () => {
    const granted = stubNotification('granted')
    const registry = registryWith({ notify: true })
    setHidden(true)
    await registry.store(1).start(runInput({ projectId: 1 }))
    expect(granted.shown).toEqual([{ title: '✓ Video ready', body: 'Editor' }])

    const unasked = stubNotification('default')
    await registry.store(1).start(runInput({ projectId: 1 }))
    expect(unasked.shown).toEqual([])
    expect(unasked.requestPermission).not.toHaveBeenCalled()
    expect(granted.requestPermission).not.toHaveBeenCalled()
  })

  it('does nothing unless turned on, nor for a page in view, nor for a stop', async () => {
    const quiet = registryWith({})
    setHidden(true)
    await quiet.store(1).start(runInput({ projectId: 1 }))
    expect(document.title).toBe('Editor')

    const heard: BackgroundFinish[] = []
    const seen = registryWith({ titleBadge: true, onBackgroundFinish: (f) => heard.push(f) })
    setHidden(false)
    await seen.store(1).start(runInput({ projectId: 1 }))
    setHidden(true)
    handle.simulator.admin.setFaults({ stallAfterEvents: 4 })
    const stopped = seen.store(1).start(runInput({ projectId: 1 }))
    await vi.waitFor(() => expect(seen.store(1).getState().status).toBe('streaming'))
    seen.store(1).stop()
    await stopped
    expect(document.title).toBe('Editor')
    expect(heard).toEqual([])
  })

  it('says a cut run needs attention', async () => {
    const heard: BackgroundFinish[] = []
    const registry = registryWith({ titleBadge: true, onBackgroundFinish: (f) => heard.push(f) })
    setHidden(true)
    handle.simulator.admin.setFaults({ cutAfterEvents: 6 })
    await registry.store(1).start(runInput({ projectId: 1 }))
    expect(heard.map((finish) => finish.kind)).toEqual(['needs-attention'])
    expect(document.title).toBe('⚠ Video needs attention — Editor')
  })
})
