import type { TemplateWarningData } from '@kvidai/agent-protocol'

export interface Template {
  id: string
  voice: string
  tone: string
  captionColor: string
  backgroundColor: string
}

const VOICES = ['narrator-warm', 'narrator-bright', 'narrator-calm']

const TEMPLATES: Record<string, Template & { invalid?: Partial<Template> }> = {
  system_default: {
    id: 'system_default',
    voice: 'narrator-calm',
    tone: 'neutral',
    captionColor: '#ffffff',
    backgroundColor: '#111827',
  },
  sod: {
    id: 'sod',
    voice: 'narrator-bright',
    tone: 'energetic',
    captionColor: '#fde047',
    backgroundColor: '#1e1b4b',
  },
  'review-owl': {
    id: 'review-owl',
    voice: 'narrator-warm',
    tone: 'friendly',
    captionColor: '#f8fafc',
    backgroundColor: '#3f2d20',
  },
  // A saved template whose voice no longer exists: applied with the default voice.
  'legacy-voice': {
    id: 'legacy-voice',
    voice: 'narrator-retired',
    tone: 'neutral',
    captionColor: '#e2e8f0',
    backgroundColor: '#0f172a',
  },
}

export const TEMPLATE_IDS = Object.keys(TEMPLATES)

/** Resolves a template id, with the warnings the platform would send while falling back. */
export function resolveTemplate(templateId: string | null | undefined): {
  template: Template
  warnings: TemplateWarningData[]
} {
  const fallback = TEMPLATES.system_default as Template
  if (templateId === undefined || templateId === null || templateId === '') {
    return { template: fallback, warnings: [] }
  }
  // Own keys only: "constructor" or "__proto__" is an unknown template, not Object's.
  const found = Object.hasOwn(TEMPLATES, templateId) ? TEMPLATES[templateId] : undefined
  if (!found) {
    return {
      template: fallback,
      warnings: [
        {
          severity: 'warning',
          field: 'templateId',
          message: `Template "${templateId}" was not found; using system_default.`,
        },
      ],
    }
  }
  if (!VOICES.includes(found.voice)) {
    return {
      template: { ...found, voice: fallback.voice },
      warnings: [
        {
          severity: 'warning',
          field: 'voice',
          message: `Voice "${found.voice}" is not available; using ${fallback.voice}.`,
        },
      ],
    }
  }
  return { template: found, warnings: [] }
}
