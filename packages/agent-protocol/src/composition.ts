import { isObject } from './is-object'

/**
 * The project's editor state, as the platform stores it: normalised, so tracks hold item
 * ids and items and assets are maps keyed by id. Frames are counted at `fps`.
 * Fields the platform adds that we do not model are kept as they are.
 */
export interface Composition {
  fps: number
  compositionWidth: number
  compositionHeight: number
  tracks: Track[]
  items: Record<string, Item>
  assets: Record<string, Asset>
  [field: string]: unknown
}

export type TrackType = 'video' | 'audio' | 'text' | 'caption' | (string & {})

export interface Track {
  id: string
  items: string[]
  trackType?: TrackType
  name?: string
  hidden?: boolean
  muted?: boolean
  [field: string]: unknown
}

export type ItemType =
  | 'video'
  | 'image'
  | 'audio'
  | 'text'
  | 'solid'
  | 'gif'
  | 'captions'
  | (string & {})

export interface Item {
  id: string
  type: ItemType
  from: number
  durationInFrames: number
  assetId?: string
  text?: string
  [field: string]: unknown
}

export type AssetType = 'video' | 'image' | 'audio' | (string & {})

export interface Asset {
  id: string
  type: AssetType
  remoteUrl: string
  [field: string]: unknown
}

/** What a composition looks like when a client sends only part of it. */
export type CompositionInput = Partial<Composition> & { tracks: Track[] }

export const DEFAULT_FPS = 30
export const DEFAULT_WIDTH = 1920
export const DEFAULT_HEIGHT = 1080

/** A new project's empty composition. */
export function createEmptyComposition(): Composition {
  return {
    fps: DEFAULT_FPS,
    compositionWidth: DEFAULT_WIDTH,
    compositionHeight: DEFAULT_HEIGHT,
    tracks: [],
    items: {},
    assets: {},
  }
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * Fills in what a partial composition leaves out or gets wrong (30 fps, 1920×1080, empty
 * maps for items and assets) and keeps every other field as it was. The input is not
 * changed.
 */
export function normalizeComposition(input: CompositionInput): Composition {
  return {
    ...input,
    fps: positive(input.fps, DEFAULT_FPS),
    compositionWidth: positive(input.compositionWidth, DEFAULT_WIDTH),
    compositionHeight: positive(input.compositionHeight, DEFAULT_HEIGHT),
    items: isObject(input.items) ? input.items : {},
    assets: isObject(input.assets) ? input.assets : {},
  }
}
