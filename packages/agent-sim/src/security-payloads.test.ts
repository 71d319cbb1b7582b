import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { post, readEvents, runBody } from './test-support'

const simulator = createSimulator({ sceneMs: 5 })
beforeEach(() => simulator.admin.reset())
afterAll(() => simulator.close())

async function run(overrides: Record<string, unknown>) {
  const response = await post(simulator.fetch, 'http://sim.test', '/api/agent', runBody(overrides))
  expect(response.status).toBe(200)
  return readEvents(response)
}

const composition = {
  tracks: [{ id: 'track-1', trackType: 'video', name: 'Main', items: ['item-1'] }],
  items: { 'item-1': { id: 'item-1', type: 'image', assetId: 'a', from: 0, durationInFrames: 30 } },
  assets: {},
}

describe('ids named like Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString'])(
    'templateId %j is an unknown template: a warning, then system_default',
    async (templateId) => {
      const result = await run({ message: "Add a title 'A'", templateId })
      expect(result.events[0]).toMatchObject({
        event: 'template_warning',
        json: { field: 'templateId' },
      })
      expect(result.events.at(-1)?.json.success).toBe(true)
    },
  )

  it.each(['constructor', '__proto__', 'hasOwnProperty'])(
    'a selected itemId %j is not in the composition: the tool fails, the run does not',
    async (itemId) => {
      const result = await run({
        message: 'Regenerate this',
        composition,
        selectedItemContext: { itemId, type: 'image', assetId: 'a', from: 0, durationInFrames: 30 },
      })
      expect(result.events.find((event) => event.event === 'tool_end')?.json).toMatchObject({
        success: false,
        error: expect.stringContaining('not in the composition'),
      })
      const done = result.events.at(-1)?.json
      expect(done.success).toBe(true)
      expect(Object.keys(done.data.composition.items)).toEqual(['item-1'])
    },
  )
})
