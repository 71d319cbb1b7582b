import type { Composition, Item, Track } from '@kvidai/agent-protocol'
import { narrationLine } from './messages'
import { pictureUrl } from './scene-picture'
import type { JobRecord } from './state'
import type { Template } from './templates'

const MEDIA_HOST = 'https://media.kvid-sim.invalid'

function trackIds(job: JobRecord) {
  const prefix = `lv-${job.contentSeed.toString(36)}`
  return {
    visuals: `${prefix}-visuals`,
    captions: `${prefix}-captions`,
    narration: `${prefix}-narration`,
  }
}

/** Adds the long video's empty tracks once the plan is made. */
export function addPlanTracks(composition: Composition, job: JobRecord): Composition {
  const ids = trackIds(job)
  const existing = new Set(composition.tracks.map((track) => track.id))
  const tracks: Track[] = [...composition.tracks]
  const planned: Track[] = [
    { id: ids.visuals, trackType: 'video', name: 'Scenes', items: [] },
    { id: ids.captions, trackType: 'text', name: 'Captions', items: [] },
    { id: ids.narration, trackType: 'audio', name: 'Narration', items: [] },
  ]
  for (const track of planned) if (!existing.has(track.id)) tracks.push(track)
  return { ...composition, tracks }
}

function sceneItemIds(sceneIndex: number) {
  const name = `scene-${sceneIndex + 1}`
  return {
    visual: `${name}-visual`,
    caption: `${name}-caption`,
    narration: `${name}-narration`,
    image: `asset-${name}-image`,
    voice: `asset-${name}-voice`,
  }
}

function insertSorted(ids: string[], id: string, items: Record<string, Item>): string[] {
  const without = ids.filter((existing) => existing !== id)
  const from = items[id]?.from ?? 0
  const at = without.findIndex((existing) => (items[existing]?.from ?? 0) > from)
  if (at === -1) return [...without, id]
  return [...without.slice(0, at), id, ...without.slice(at)]
}

/**
 * Lays one finished scene onto the timeline: its picture, its caption and (unless the
 * voice failed) its narration. The content depends only on the plan, never on the order
 * scenes finish in, so a resumed job ends with the same composition as an unbroken one.
 */
export function addSceneItems(
  composition: Composition,
  job: JobRecord,
  sceneIndex: number,
  template: Template,
  withVoice: boolean,
): Composition {
  const ids = sceneItemIds(sceneIndex)
  const tracksOf = trackIds(job)
  const from = job.startFrame + sceneIndex * job.sceneFrames
  const folder = `${MEDIA_HOST}/${job.contentSeed.toString(36)}`
  const items: Record<string, Item> = { ...composition.items }
  const assets = { ...composition.assets }
  const caption = narrationLine(job.locale, sceneIndex + 1, job.totalScenes, job.topic)

  assets[ids.image] = {
    id: ids.image,
    type: 'image',
    remoteUrl: pictureUrl(`${job.contentSeed}:${sceneIndex}`, String(sceneIndex + 1)),
    filename: `scene-${sceneIndex + 1}.svg`,
    alt: caption,
    width: composition.compositionWidth,
    height: composition.compositionHeight,
    mimeType: 'image/svg+xml',
  }
  items[ids.visual] = {
    id: ids.visual,
    type: 'image',
    assetId: ids.image,
    from,
    durationInFrames: job.sceneFrames,
  }
  items[ids.caption] = {
    id: ids.caption,
    type: 'text',
    text: caption,
    from,
    durationInFrames: job.sceneFrames,
    color: template.captionColor,
  }
  if (withVoice) {
    assets[ids.voice] = {
      id: ids.voice,
      type: 'audio',
      remoteUrl: `${folder}/scene-${sceneIndex + 1}-${template.voice}.mp3`,
      durationInSeconds: job.sceneFrames / composition.fps,
      mimeType: 'audio/mpeg',
    }
    items[ids.narration] = {
      id: ids.narration,
      type: 'audio',
      assetId: ids.voice,
      from,
      durationInFrames: job.sceneFrames,
    }
  }

  const tracks = composition.tracks.map((track) => {
    if (track.id === tracksOf.visuals)
      return { ...track, items: insertSorted(track.items, ids.visual, items) }
    if (track.id === tracksOf.captions)
      return { ...track, items: insertSorted(track.items, ids.caption, items) }
    if (track.id === tracksOf.narration && withVoice) {
      return { ...track, items: insertSorted(track.items, ids.narration, items) }
    }
    return track
  })
  return { ...composition, tracks, items, assets }
}
