import { type Composition, DEFAULT_FPS, type Item } from '@kvidai/agent-core'
import { useComposition } from '@kvidai/agent-react'
import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { timelineMessages } from './i18n/messages'
import { useMessages } from './i18n/use-messages'
import { hasPicture, TimelinePreview } from './timeline-preview'

export interface CompositionTimelineProps extends ComponentPropsWithoutRef<'section'> {
  projectId?: number
  /** Show this composition instead of the run's latest. */
  composition?: Composition | null
}

function seconds(frames: number, fps: number) {
  return Math.round((frames / fps) * 10) / 10
}

function lengthInFrames(composition: Composition): number {
  let end = 0
  for (const item of Object.values(composition.items))
    end = Math.max(end, item.from + item.durationInFrames)
  return Math.max(end, 1)
}

/**
 * Tracks and their items laid out in time at the composition's fps: a live preview of the
 * run's checkpoints, with no video engine. Image and video items show a thumbnail of fixed
 * size (lazily loaded, with alt text; a labelled placeholder for a video without a poster),
 * text items their text.
 */
export const CompositionTimeline = forwardRef<HTMLElement, CompositionTimelineProps>(
  function CompositionTimeline({ projectId, composition: given, ...props }, ref) {
    const translate = useMessages(timelineMessages)
    const latest = useComposition({ projectId })
    const composition = given === undefined ? latest : given
    const label = translate('timeline.label')
    if (!composition || composition.tracks.length === 0) {
      return (
        <section aria-label={label} data-kvid-timeline="" data-state="empty" ref={ref} {...props}>
          <p>{translate('timeline.empty')}</p>
        </section>
      )
    }
    const total = lengthInFrames(composition)
    const fps = composition.fps || DEFAULT_FPS
    return (
      <section
        aria-label={label}
        data-kvid-timeline=""
        data-state="ready"
        style={{
          ['--kvid-timeline-frames' as string]: total,
          ['--kvid-timeline-aspect' as string]:
            composition.compositionWidth / composition.compositionHeight,
        }}
        ref={ref}
        {...props}
      >
        {composition.tracks.map((track) => {
          const items = track.items
            .map((id) => composition.items[id])
            .filter((item): item is Item => item !== undefined)
          const name = track.name ?? track.id
          return (
            <ul
              key={track.id}
              aria-label={translate('timeline.track', { name })}
              data-kvid-track={track.id}
              data-type={track.trackType}
              data-hidden={track.hidden ? '' : undefined}
            >
              {items.map((item) => (
                <li
                  key={item.id}
                  data-kvid-item={item.id}
                  data-type={item.type}
                  title={translate('timeline.item', {
                    type: item.type,
                    start: seconds(item.from, fps),
                    duration: seconds(item.durationInFrames, fps),
                  })}
                  style={{
                    ['--kvid-item-start' as string]: item.from / total,
                    ['--kvid-item-length' as string]: item.durationInFrames / total,
                  }}
                >
                  {hasPicture(item) ? (
                    <TimelinePreview item={item} composition={composition} />
                  ) : item.type === 'text' && typeof item.text === 'string' ? (
                    item.text
                  ) : (
                    item.type
                  )}
                </li>
              ))}
            </ul>
          )
        })}
      </section>
    )
  },
)
