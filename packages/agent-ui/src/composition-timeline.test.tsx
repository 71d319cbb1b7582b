import type { Composition } from '@kvidai/agent-core'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CompositionTimeline } from './composition-timeline'
import { expectAccessible, renderWithAgent, StartButton, setupSimulator } from './test-utils'

const simulator = setupSimulator()

const PICTURE =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='9'%3E%3Crect width='16' height='9' fill='teal'/%3E%3C/svg%3E"

/** One item of each kind the timeline shows differently. */
const composition: Composition = {
  fps: 30,
  compositionWidth: 1920,
  compositionHeight: 1080,
  tracks: [
    { id: 'visuals', trackType: 'video', name: 'Visuals', items: ['photo', 'clip', 'bare', 'bad'] },
    { id: 'titles', trackType: 'text', name: 'Titles', items: ['title'] },
  ],
  items: {
    photo: { id: 'photo', type: 'image', assetId: 'photo-file', from: 0, durationInFrames: 30 },
    clip: { id: 'clip', type: 'video', assetId: 'clip-file', from: 30, durationInFrames: 30 },
    bare: { id: 'bare', type: 'video', assetId: 'bare-file', from: 60, durationInFrames: 30 },
    bad: { id: 'bad', type: 'image', assetId: 'bad-file', from: 90, durationInFrames: 30 },
    title: { id: 'title', type: 'text', text: 'Summer Sale', from: 0, durationInFrames: 60 },
  },
  assets: {
    'photo-file': { id: 'photo-file', type: 'image', remoteUrl: PICTURE, alt: 'A beach at noon' },
    'clip-file': {
      id: 'clip-file',
      type: 'video',
      remoteUrl: 'https://cdn.example/clip.mp4',
      thumbnailUrl: PICTURE,
      filename: 'waves.mp4',
    },
    'bad-file': {
      id: 'bad-file',
      type: 'image',
      remoteUrl: 'javascript:alert(1)',
      alt: 'A hostile link',
    },
    'bare-file': { id: 'bare-file', type: 'video', remoteUrl: 'https://cdn.example/bare.mp4' },
  },
}

describe('CompositionTimeline pictures', () => {
  it('shows an image as a lazy thumbnail of fixed size with its alt text, and a text item as its text', async () => {
    const { container } = renderWithAgent(
      <CompositionTimeline composition={composition} />,
      simulator,
    )
    const photo = screen.getByRole('img', { name: 'A beach at noon' })
    expect(photo.tagName).toBe('IMG')
    expect(photo.getAttribute('src')).toBe(PICTURE)
    expect(photo.getAttribute('loading')).toBe('lazy')
    expect(photo.getAttribute('width')).toBe('64')
    expect(photo.getAttribute('height')).toBe('36')
    expect(container.querySelector('[data-kvid-item="title"]')?.textContent).toBe('Summer Sale')
    await expectAccessible(container)
  })

  it('shows a video’s thumbnail when it has one, else a labelled placeholder of the same size', async () => {
    const { container } = renderWithAgent(
      <CompositionTimeline composition={composition} />,
      simulator,
    )
    const clip = screen.getByRole('img', { name: 'waves.mp4' })
    expect(clip.tagName).toBe('IMG')
    expect(clip.getAttribute('src')).toBe(PICTURE)
    expect(clip.dataset.state).toBe('picture')
    expect(screen.getByRole('img', { name: 'A hostile link' }).tagName).toBe('SPAN')
    const bare = screen.getByRole('img', { name: 'video' })
    expect(bare.tagName).toBe('SPAN')
    expect(bare.dataset.state).toBe('placeholder')
    await expectAccessible(container)
  })

  it('never loads an address that is not a picture’s', () => {
    const addresses = {
      script: 'javascript:alert(1)',
      file: 'file:///etc/passwd',
      page: 'data:text/html,<script>alert(1)</script>',
      relative: 'media/sofa.png',
    }
    const ids = Object.keys(addresses)
    const { container } = renderWithAgent(
      <CompositionTimeline
        composition={{
          ...composition,
          tracks: [{ id: 'visuals', items: ids }],
          items: Object.fromEntries(
            ids.map((id, index) => [
              id,
              { id, type: 'image', assetId: id, from: index * 30, durationInFrames: 30 },
            ]),
          ),
          assets: Object.fromEntries(
            Object.entries(addresses).map(([id, remoteUrl]) => [
              id,
              { id, type: 'image', remoteUrl, alt: id },
            ]),
          ),
        }}
      />,
      simulator,
    )
    expect(ids.map((id) => screen.getByRole('img', { name: id }).tagName)).toEqual([
      'SPAN',
      'SPAN',
      'SPAN',
      'IMG',
    ])
    expect(container.querySelectorAll('img')).toHaveLength(1)
  })

  it('shows the simulator’s scene pictures as a run lays them down', async () => {
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
    const second = screen.getByRole('img', { name: 'Scene 2 of 3: tea' }) as HTMLImageElement
    expect(second.src).toMatch(/^data:image\/svg\+xml,/)
    expect(screen.getByText('Scene 2 of 3: tea', { selector: 'li' })).toBeTruthy()
    await expectAccessible(container)
  })
})
