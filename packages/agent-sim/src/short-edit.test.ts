import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { names, post, readEvents, runBody } from './test-support'

const simulator = createSimulator({ sceneMs: 10 })
const base = 'http://sim.test'

beforeEach(() => simulator.admin.reset())
beforeAll(() => undefined)
afterAll(() => simulator.close())

const composition = {
  fps: 25,
  compositionWidth: 1080,
  compositionHeight: 1920,
  tracks: [{ id: 'track-1', trackType: 'video', name: 'Main', items: ['item-1'], custom: 'kept' }],
  items: {
    'item-1': {
      id: 'item-1',
      type: 'image',
      assetId: 'asset-1',
      from: 0,
      durationInFrames: 150,
      top: 10,
    },
  },
  assets: {
    'asset-1': { id: 'asset-1', type: 'image', remoteUrl: 'https://cdn.example/sofa.png' },
  },
  editorVersion: 3,
}

async function edit(message: string, extra: Record<string, unknown> = {}) {
  const response = await post(
    simulator.fetch,
    base,
    '/api/agent',
    runBody({ message, composition, ...extra }),
  )
  return readEvents(response)
}

describe('short edits', () => {
  it("adds a centered 3-second title at the composition's fps", async () => {
    const result = await edit("Add a centered title 'Summer Sale' for 3 seconds.")
    expect(names(result)).toEqual(['tool_start', 'tool_end', 'done'])
    expect(result.events[0]?.json).toEqual({
      toolUseId: expect.any(String),
      toolName: 'add_text_overlay',
    })
    expect(result.events[1]?.json).toMatchObject({ toolName: 'add_text_overlay', success: true })
    const done = result.events[2]?.json
    const text = Object.values(done.data.composition.items).find(
      (item: any) => item.type === 'text',
    ) as Record<string, unknown>
    expect(text).toMatchObject({
      text: 'Summer Sale',
      from: 0,
      durationInFrames: 75,
      textAlign: 'center',
    })
    expect(done.data.toolResults).toEqual([
      expect.objectContaining({ toolName: 'add_text_overlay', success: true, itemId: text.id }),
    ])
    expect(done.data.message).toBe('Added the text "Summer Sale" for 3 seconds.')
    // Fields the simulator does not model are kept as they came.
    expect(done.data.composition.editorVersion).toBe(3)
    expect(done.data.composition.items['item-1'].top).toBe(10)
    expect(done.data.composition.tracks.find((track: any) => track.id === 'track-1').custom).toBe(
      'kept',
    )
  })

  it('regenerates the selected item with a new asset', async () => {
    const result = await edit('Replace the white sofa with a black leather one', {
      selectedItemContext: {
        itemId: 'item-1',
        type: 'image',
        assetId: 'asset-1',
        from: 0,
        durationInFrames: 150,
      },
    })
    expect(result.events[0]?.json.toolName).toBe('generate_image')
    const done = result.events.at(-1)?.json
    const item = done.data.composition.items['item-1']
    expect(item.assetId).not.toBe('asset-1')
    expect(done.data.composition.assets[item.assetId]).toMatchObject({ type: 'image' })
    expect(done.data.cost.breakdown).toEqual({ chat: 2, generate_image_standard: 8 })
  })

  it('swaps the background', async () => {
    const result = await edit('Swap the background for a black one')
    const done = result.events.at(-1)?.json
    const track = done.data.composition.tracks.find(
      (candidate: any) => candidate.name === 'Background',
    )
    expect(done.data.composition.items[track.items[0]]).toMatchObject({
      type: 'solid',
      color: '#000000',
    })
    const again = await edit('Change the background', {})
    expect(again.events[0]?.json.toolName).toBe('generate_image')
  })

  it('ends an instruction it does not understand with a sensible done and the composition unchanged', async () => {
    const result = await edit('Hmm, what do you think?')
    expect(names(result)).toEqual(['done'])
    const done = result.events[0]?.json
    expect(done.success).toBe(true)
    expect(done.data.messageKey).toBe('Agent.edit.done.nothingToDo')
    expect(done.data.composition).toEqual(composition)
  })

  it('fails the tool, not the run, when the selected item is not in the composition', async () => {
    const result = await edit('Regenerate this', {
      selectedItemContext: {
        itemId: 'missing',
        type: 'video',
        assetId: 'x',
        from: 0,
        durationInFrames: 1,
      },
    })
    expect(result.events[1]?.json).toMatchObject({
      success: false,
      error: expect.stringMatching(/missing/),
    })
    expect(result.events.at(-1)?.json.data.composition).toEqual(composition)
  })

  it('fills in a minimal composition', async () => {
    const response = await post(
      simulator.fetch,
      base,
      '/api/agent',
      runBody({ message: "Add a title 'Hi'", composition: { tracks: [] } }),
    )
    const done = (await readEvents(response)).events.at(-1)?.json
    expect(done.data.composition).toMatchObject({
      fps: 30,
      compositionWidth: 1920,
      compositionHeight: 1080,
      assets: {},
    })
    expect(Object.values(done.data.composition.items)).toEqual([
      expect.objectContaining({ text: 'Hi', durationInFrames: 90 }),
    ])
  })

  it('warns about an unknown template and about a template with a bad voice, then falls back', async () => {
    const unknown = await edit("Add a title 'A'", { templateId: 'no-such-template' })
    expect(unknown.events[0]).toMatchObject({
      event: 'template_warning',
      json: { severity: 'warning', field: 'templateId' },
    })
    const legacy = await edit("Add a title 'A'", { templateId: 'legacy-voice' })
    expect(legacy.events[0]?.json).toMatchObject({ field: 'voice' })
    const known = await edit("Add a title 'A'", { templateId: 'sod' })
    expect(names(known)).not.toContain('template_warning')
  })
})
