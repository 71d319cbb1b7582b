import type { Locale } from '@kvidai/agent-protocol'

/** How a run that ended while the page was hidden is told: ready, or needing a look. */
export type BackgroundFinishKind = 'video-ready' | 'edit-ready' | 'needs-attention'

/** The title badge's and the notification's words, in each language the SDK speaks. */
export const BACKGROUND_FINISH_TEXTS: Record<Locale, Record<BackgroundFinishKind, string>> = {
  en: {
    'video-ready': '✓ Video ready',
    'edit-ready': '✓ Edit done',
    'needs-attention': '⚠ Video needs attention',
  },
  ko: {
    'video-ready': '✓ 영상 완성',
    'edit-ready': '✓ 편집 완료',
    'needs-attention': '⚠ 영상 확인 필요',
  },
  es: {
    'video-ready': '✓ Video listo',
    'edit-ready': '✓ Edición lista',
    'needs-attention': '⚠ El video necesita atención',
  },
}
