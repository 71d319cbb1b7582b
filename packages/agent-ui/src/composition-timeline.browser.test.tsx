import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { CompositionTimeline } from './composition-timeline'
import './styles/index.css'
import { expectAccessible, renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

function box(element: Element) {
  const { width, height } = element.getBoundingClientRect()
  return { width: Math.round(width), height: Math.round(height) }
}

// Real layout and real image decoding, which jsdom has neither of.
describe('CompositionTimeline pictures in a real browser', () => {
  it('shows each scene’s picture from the simulator, in a box that does not move when it loads', async () => {
    const { container } = renderWithAgent(
      <>
        <StartButton message="An explainer about tea in 3 scenes" />
        <CompositionTimeline />
      </>,
      simulator,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Start' }))
    await waitFor(() =>
      expect(container.querySelectorAll('img[data-kvid-thumbnail]')).toHaveLength(3),
    )
    const pictures = [...container.querySelectorAll<HTMLImageElement>('img[data-kvid-thumbnail]')]
    const before = pictures.map(box)
    expect(before).toEqual(pictures.map(() => ({ width: 64, height: 36 })))
    // Each picture decodes: the simulator's SVG is a valid image that needs no network.
    await waitFor(() =>
      expect(pictures.map((picture) => picture.complete && picture.naturalWidth > 0)).toEqual([
        true,
        true,
        true,
      ]),
    )
    expect(pictures.map(box)).toEqual(before)
    // The track with pictures grows to hold them; the captions' track does not.
    const [scenes, captions] = [...container.querySelectorAll('[data-kvid-track]')]
    expect([box(scenes as Element).height, box(captions as Element).height]).toEqual([44, 28])
    await expectAccessible(container)
  })

  it('keeps a picture’s box when it fails to load', async () => {
    const { container } = renderWithAgent(
      <CompositionTimeline
        composition={{
          fps: 30,
          compositionWidth: 1080,
          compositionHeight: 1920,
          tracks: [{ id: 'visuals', items: ['photo'] }],
          items: {
            photo: { id: 'photo', type: 'image', assetId: 'file', from: 0, durationInFrames: 30 },
          },
          assets: {
            file: {
              id: 'file',
              type: 'image',
              remoteUrl: 'data:image/png;base64,AAAA',
              alt: 'Sofa',
            },
          },
        }}
      />,
      simulator,
    )
    const picture = screen.getByRole('img', { name: 'Sofa' })
    // A portrait composition gives portrait thumbnails.
    expect(box(picture)).toEqual({ width: 20, height: 36 })
    await waitFor(() => expect((picture as HTMLImageElement).complete).toBe(true))
    expect((picture as HTMLImageElement).naturalWidth).toBe(0)
    expect(box(picture)).toEqual({ width: 20, height: 36 })
    await expectAccessible(container)
  })
})
