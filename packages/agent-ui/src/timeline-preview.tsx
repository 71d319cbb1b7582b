import type { Composition, Item } from '@kvidai/agent-core'

/** Height of a thumbnail in CSS pixels; its width follows the composition's aspect ratio. */
const THUMBNAIL_HEIGHT = 36

/** Whether an item of this type is shown as a picture (or a placeholder for one). */
export function hasPicture(item: Item): boolean {
  return /^(?:image|gif|video)$/.test(item.type)
}

/** A string with something in it, or `undefined`. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/**
 * Only addresses an image can come from: web and blob URLs, `data:image/…` and relative
 * paths. Anything else (`javascript:`, `file:`, other data) shows the placeholder.
 */
const PICTURE_SOURCE = /^(?:(?:https?|blob):|data:image\/)|^[^:]+$/i

export interface TimelinePreviewProps {
  item: Item
  composition: Composition
}

/**
 * What an image or video item shows, at a fixed size so nothing moves when it loads: its
 * picture, loaded lazily (an image's file; a video's thumbnail or the image it was made
 * from, when the composition has one), or a labelled placeholder of the same size. The alt
 * text is the item's or its asset's `alt`, else the file's name, else the item's type. A
 * picture that fails to load keeps its box and shows its alt text.
 */
export function TimelinePreview({ item, composition }: TimelinePreviewProps) {
  const asset = item.assetId !== undefined ? composition.assets[item.assetId] : undefined
  const alt = text(item.alt) ?? text(asset?.alt) ?? text(asset?.filename) ?? item.type
  const source = text(
    item.type === 'video' ? (asset?.thumbnailUrl ?? asset?.sourceImageUrl) : asset?.remoteUrl,
  )
  return source && PICTURE_SOURCE.test(source) ? (
    <img
      data-kvid-thumbnail=""
      data-state="picture"
      src={source}
      alt={alt}
      width={Math.round(
        (THUMBNAIL_HEIGHT * composition.compositionWidth) / composition.compositionHeight,
      )}
      height={THUMBNAIL_HEIGHT}
      loading="lazy"
    />
  ) : (
    <span data-kvid-thumbnail="" data-state="placeholder" role="img" aria-label={alt} />
  )
}
