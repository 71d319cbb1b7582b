import type { Asset, Composition } from '@kvidai/agent-protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type NodeSimulator, startSimulator } from './node/index'
import { PICTURE_URL_MAX_LENGTH, pictureUrl } from './scene-picture'
import { post, readEvents, runBody } from './test-support'

const PREFIX = 'data:image/svg+xml,'

function svgOf(url: string): string {
  expect(url.startsWith(PREFIX)).toBe(true)
  return decodeURIComponent(url.slice(PREFIX.length))
}

/** Every tag opened is closed in order: enough to know a browser will parse the picture. */
function expectWellFormed(svg: string) {
  expect(svg).toMatch(/^<svg xmlns='http:\/\/www\.w3\.org\/2000\/svg' [^>]*>/)
  const open: string[] = []
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    if (closing) expect(open.pop()).toBe(name)
    else if (!selfClosing) open.push(name as string)
  }
  expect(open).toEqual([])
}

describe('pictureUrl', () => {
  it('makes a small, well-formed SVG that depends only on its key', () => {
    const url = pictureUrl('7:2', '3')
    expect(url.length).toBeLessThan(PICTURE_URL_MAX_LENGTH)
    expect(url).toMatch(/^data:image\/svg\+xml,[^\s"<>#]+$/)
    expectWellFormed(svgOf(url))
    expect(svgOf(url)).toContain('>3</text>')
    expect(pictureUrl('7:2', '3')).toBe(url)
    expect(pictureUrl('7:3', '3')).not.toBe(url)
  })

  it('keeps markup out of the label and leaves the label out when there is none', () => {
    const svg = svgOf(pictureUrl('key', `<script>alert(1)</script>`))
    expect(svg).not.toContain('script')
    expectWellFormed(svg)
    expect(svgOf(pictureUrl('key', ''))).not.toContain('<text')
  })
})

describe('the pictures of a run', () => {
  let simulator: NodeSimulator & { url: string }
  beforeAll(async () => {
    simulator = await startSimulator({ sceneMs: 5, seed: 7 })
  })
  afterAll(() => simulator.close())
  beforeEach(() => simulator.admin.reset())

  async function finalComposition(body: Record<string, unknown>): Promise<Composition> {
    const result = await readEvents(await post(fetch, simulator.url, '/api/agent', body))
    return result.events.at(-1)?.json.data.composition
  }

  it('gives each scene of a long video its own picture, with alt text, that needs no network', async () => {
    const composition = await finalComposition(
      runBody({ message: 'An explainer about tides in 4 scenes' }),
    )
    const images = [1, 2, 3, 4].map((scene) => composition.assets[`asset-scene-${scene}-image`])
    for (const [index, asset] of images.entries()) {
      if (!asset) throw new Error(`Scene ${index + 1} has no picture.`)
      expect(asset.remoteUrl.length).toBeLessThan(PICTURE_URL_MAX_LENGTH)
      expectWellFormed(svgOf(asset.remoteUrl))
      expect(asset.mimeType).toBe('image/svg+xml')
      expect(asset.alt).toBe(`Scene ${index + 1} of 4: tides`)
    }
    expect(new Set(images.map((asset) => asset?.remoteUrl)).size).toBe(4)
    // The same plan gives the same pictures.
    simulator.admin.reset()
    const again = await finalComposition(
      runBody({ message: 'An explainer about tides in 4 scenes' }),
    )
    for (const [id, asset] of Object.entries(composition.assets)) {
      expect(again.assets[id]?.remoteUrl).toBe(asset.remoteUrl)
    }
  })

  it('gives a regenerated video a thumbnail picture and a new background image a picture', async () => {
    const start: Composition = {
      fps: 30,
      compositionWidth: 1920,
      compositionHeight: 1080,
      tracks: [{ id: 'main', trackType: 'video', items: ['clip'] }],
      items: { clip: { id: 'clip', type: 'video', assetId: 'a', from: 0, durationInFrames: 90 } },
      assets: { a: { id: 'a', type: 'video', remoteUrl: 'https://cdn.example/a.mp4' } },
    }
    const video = await finalComposition(
      runBody({
        message: 'Regenerate this clip',
        composition: start,
        selectedItemContext: {
          itemId: 'clip',
          type: 'video',
          assetId: 'a',
          from: 0,
          durationInFrames: 90,
        },
      }),
    )
    const regenerated = video.assets[video.items.clip?.assetId as string] as Asset
    expect(regenerated.type).toBe('video')
    expectWellFormed(svgOf(regenerated.thumbnailUrl as string))

    simulator.admin.reset()
    const background = await finalComposition(
      runBody({ message: 'Generate a background image of a beach', composition: start }),
    )
    const picture = Object.values(background.assets).find((asset) => asset.type === 'image')
    expectWellFormed(svgOf(picture?.remoteUrl as string))
  })
})
