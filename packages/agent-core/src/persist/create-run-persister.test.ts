import { createMemoryStorage } from '@kvidai/agent-sim/testing'
import { describe, expect, it } from 'vitest'
import { createInitialRunState } from '../state/run-state'
import { toRunSnapshot } from '../store/run-snapshot'
import { createRunPersister } from './create-run-persister'

const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

function stateWithJob() {
  return { ...createInitialRunState(4), jobId: 'job_1', status: 'interrupted' as const }
}

describe('createRunPersister', () => {
  it('writes after the current action, and restores what it wrote', async () => {
    const storage = createMemoryStorage()
    const persister = createRunPersister({ storage, key: () => 'run' })
    persister.write(stateWithJob())
    expect(storage.data.size).toBe(0)
    await settle()
    expect(await persister.restore()).toMatchObject({ ...toRunSnapshot(stateWithJob()) })
  })

  it('expires an old snapshot: removed, not restored', async () => {
    const storage = createMemoryStorage()
    storage.setItem('run', JSON.stringify({ ...toRunSnapshot(stateWithJob()), savedAt: 1 }))
    const persister = createRunPersister({ storage, key: () => 'run', maxAgeMs: 60_000 })
    expect(await persister.restore()).toBeNull()
    await settle()
    expect(storage.data.size).toBe(0)
  })

  it('refuses what it cannot restore: nothing, broken text, another shape', async () => {
    const storage = createMemoryStorage()
    const persister = createRunPersister({ storage, key: () => 'run' })
    expect(await persister.restore()).toBeNull()
    storage.setItem('run', '{broken')
    expect(await persister.restore()).toBeNull()
    storage.setItem('run', JSON.stringify({ version: 2 }))
    expect(await persister.restore()).toBeNull()
  })

  it('keeps the snapshot current from a log: saves on plan, checkpoint and ending, removes on reset', async () => {
    const storage = createMemoryStorage()
    const written: string[] = []
    const persister = createRunPersister({
      storage: {
        ...storage,
        setItem: (key, value) => {
          written.push(JSON.parse(value).status)
          storage.setItem(key, value)
        },
      },
      key: () => 'run',
    })
    const state = stateWithJob()
    const entry = (action: object) => ({ sequence: 1, at: 0, action }) as never
    persister.listener(entry({ type: 'scene_start', data: { sceneId: 's', sceneIndex: 0 } }), state)
    persister.listener(entry({ type: 'plan_ready', data: {} }), state)
    persister.listener(entry({ type: 'request_ended', outcome: { reason: 'aborted' } }), state)
    await settle()
    expect(written).toEqual(['interrupted', 'interrupted'])
    persister.listener(entry({ type: 'reset', projectId: 4 }), createInitialRunState(4))
    await settle()
    expect(storage.data.size).toBe(0)
  })

  it('writes nothing, and serialises nothing, without a storage', async () => {
    let asked = 0
    const persister = createRunPersister({
      storage: () => {
        asked++
        return undefined
      },
      key: () => 'run',
    })
    persister.write(stateWithJob())
    persister.discard()
    expect(await persister.restore()).toBeNull()
    expect(asked).toBe(3)
  })

  it('a storage that throws never reaches the caller', async () => {
    const persister = createRunPersister({
      storage: {
        getItem: () => {
          throw new Error('quota')
        },
        setItem: () => {
          throw new Error('quota')
        },
        removeItem: () => {
          throw new Error('quota')
        },
      },
      key: () => 'run',
    })
    expect(() => persister.write(stateWithJob())).not.toThrow()
    expect(() => persister.discard()).not.toThrow()
    await settle()
    expect(await persister.restore()).toBeNull()
  })
})
