import { durationSeconds, sceneCount } from './instruction-amounts'
import { quotedText, topicOf } from './instruction-phrases'

/*
 * The regexes here are fixed words at a word boundary, which cannot backtrack; numbers,
 * quotes and topics are read by linear scans. A hostile 4,000-character message costs
 * about as much as an ordinary one.
 */

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
const MAX_SECONDS = 86_400

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

function isLongVideo(message: string): boolean {
  if (sceneCount(message, true) !== null || /\bscenes\b/i.test(message)) return true
  if (/\bexplainer\b|\blong[\s-]?video\b|\bstoryboard\b/i.test(message)) return true
  return (
    /\b(make|create|generate|produce)\b/i.test(message) &&
    /\bvideo\b/i.test(message) &&
    durationSeconds(message) !== null
  )
}

/** A duration the instruction names, at most a day: a thousand-digit number is not a length. */
function boundedSeconds(message: string): number | null {
  const seconds = durationSeconds(message)
  return seconds === null ? null : Math.min(seconds, MAX_SECONDS)
}

/** Reads an instruction the way the platform's agent would route it: a long video or edits. */
export function readInstruction(message: string, hasSelectedItem: boolean): Intent {
  if (isLongVideo(message)) {
    const count = sceneCount(message)
    const seconds = boundedSeconds(message)
    let totalScenes = DEFAULT_SCENES
    if (count !== null) totalScenes = count
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
      seconds: boundedSeconds(message) ?? 3,
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
