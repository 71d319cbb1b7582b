/** What the simulated agent makes of an instruction. */
export type Intent =
  | { kind: 'long-video'; totalScenes: number; secondsPerScene: number; topic: string }
  | { kind: 'edit'; operations: EditOperation[] }

export type EditOperation =
  | { kind: 'add-text'; text: string; seconds: number; centered: boolean }
  | { kind: 'regenerate-item' }
  | { kind: 'background'; color: string | null }

export const DEFAULT_SCENES = 6
export const MAX_SCENES = 2000
const SECONDS_PER_SCENE = 5

const COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#dc2626',
  blue: '#2563eb',
  green: '#16a34a',
  yellow: '#facc15',
  purple: '#7c3aed',
  gray: '#6b7280',
  grey: '#6b7280',
}

function durationSeconds(message: string): number | null {
  const minutes = /(\d+(?:\.\d+)?)[\s-]*(?:minutes?|mins?)\b/i.exec(message)
  if (minutes?.[1]) return Number(minutes[1]) * 60
  const seconds = /(\d+(?:\.\d+)?)[\s-]*(?:seconds?|secs?|s)\b/i.exec(message)
  if (seconds?.[1]) return Number(seconds[1])
  return null
}

function isLongVideo(message: string): boolean {
  if (/\b\d+\s*scenes?\b|\bscenes\b/i.test(message)) return true
  if (/\bexplainer\b|\blong[\s-]?video\b|\bstoryboard\b/i.test(message)) return true
  return (
    /\b(make|create|generate|produce)\b/i.test(message) &&
    /\bvideo\b/i.test(message) &&
    durationSeconds(message) !== null
  )
}

function quotedText(message: string): string | null {
  const match = /'([^']+)'|"([^"]+)"|“([^”]+)”|‘([^’]+)’/.exec(message)
  if (!match) return null
  return match[1] ?? match[2] ?? match[3] ?? match[4] ?? null
}

/** Reads an instruction the way the platform's agent would route it: a long video or edits. */
export function readInstruction(message: string, hasSelectedItem: boolean): Intent {
  if (isLongVideo(message)) {
    const count = /(\d+)\s*scenes?\b/i.exec(message)
    const seconds = durationSeconds(message)
    let totalScenes = DEFAULT_SCENES
    if (count?.[1]) totalScenes = Number(count[1])
    else if (seconds !== null) totalScenes = Math.ceil(seconds / SECONDS_PER_SCENE)
    totalScenes = Math.min(MAX_SCENES, Math.max(1, totalScenes))
    const secondsPerScene =
      seconds !== null ? Math.max(1, seconds / totalScenes) : SECONDS_PER_SCENE
    return { kind: 'long-video', totalScenes, secondsPerScene, topic: topicOf(message) }
  }

  const operations: EditOperation[] = []
  if (/\b(title|text|caption|overlay|headline|subtitle)\b/i.test(message)) {
    const text = quotedText(message) ?? 'Title'
    operations.push({
      kind: 'add-text',
      text,
      seconds: durationSeconds(message) ?? 3,
      centered: /\bcent(er|re)(ed)?\b/i.test(message),
    })
  }
  if (/\bbackground\b/i.test(message)) {
    const word = /\b(black|white|red|blue|green|yellow|purple|gr[ae]y)\b/i.exec(message)?.[1]
    operations.push({
      kind: 'background',
      color: word ? (COLORS[word.toLowerCase()] ?? null) : null,
    })
  }
  if (
    hasSelectedItem &&
    /\b(regenerate|replace|redo|change|swap|make|turn)\b/i.test(message) &&
    !operations.some((operation) => operation.kind === 'background')
  ) {
    operations.push({ kind: 'regenerate-item' })
  }
  return { kind: 'edit', operations }
}

function topicOf(message: string): string {
  const about = /\babout\s+(.+?)(?:\s+in\s+\d+\s*scenes?)?[.!?]?$/i.exec(message.trim())
  const topic = (about?.[1] ?? message.trim()).replace(/[.!?]+$/, '')
  return topic.length > 120 ? `${topic.slice(0, 117)}...` : topic
}
