import type {
  AgentRunBody,
  Composition,
  DoneResult,
  Item,
  ToolResult,
  Track,
} from '@kvidai/agent-protocol'
import type { EditOperation } from './instruction'
import { localizedMessage, type MessageParams } from './messages'
import { hashString } from './random'
import { progressed, type RunContext } from './run-context'
import { pictureUrl } from './scene-picture'
import { workOnTool } from './tool-work'

const MEDIA_HOST = 'https://media.kvid-sim.invalid/edits'

interface Applied {
  composition: Composition
  result?: Record<string, unknown>
  error?: string
  messageKey: string
  messageParams: MessageParams
  charge?: { tool: string; amount: number }
}

function uniqueId(prefix: string, taken: Record<string, unknown>): string {
  let counter = 1
  while (`${prefix}-${counter}` in taken) counter++
  return `${prefix}-${counter}`
}

function compositionLength(composition: Composition): number {
  let end = 0
  for (const item of Object.values(composition.items)) {
    end = Math.max(end, item.from + item.durationInFrames)
  }
  return end > 0 ? end : composition.fps * 5
}

function addText(
  composition: Composition,
  operation: Extract<EditOperation, { kind: 'add-text' }>,
): Applied {
  const id = uniqueId('text', composition.items)
  const durationInFrames = Math.max(1, Math.round(operation.seconds * composition.fps))
  const item: Item = {
    id,
    type: 'text',
    text: operation.text,
    from: 0,
    durationInFrames,
    ...(operation.centered
      ? {
          textAlign: 'center',
          left: composition.compositionWidth / 2,
          top: composition.compositionHeight / 2,
        }
      : {}),
  }
  const titles = composition.tracks.find(
    (track) => track.trackType === 'text' && track.name === 'Titles',
  )
  const trackId =
    titles?.id ??
    uniqueId('track-titles', Object.fromEntries(composition.tracks.map((track) => [track.id, 1])))
  const tracks: Track[] = titles
    ? composition.tracks.map((track) =>
        track === titles ? { ...track, items: [...track.items, id] } : track,
      )
    : [{ id: trackId, trackType: 'text', name: 'Titles', items: [id] }, ...composition.tracks]
  return {
    composition: { ...composition, tracks, items: { ...composition.items, [id]: item } },
    result: { itemId: id, trackId },
    messageKey: 'Agent.edit.done.textAdded',
    messageParams: { text: operation.text, seconds: operation.seconds },
  }
}

function regenerateItem(
  context: RunContext,
  composition: Composition,
  body: AgentRunBody,
): Applied {
  const selected = body.selectedItemContext
  // Own keys only: an id such as "constructor" names no item, not Object's.
  const item =
    selected && Object.hasOwn(composition.items, selected.itemId)
      ? composition.items[selected.itemId]
      : undefined
  if (!selected || !item) {
    return {
      composition,
      error: `The selected item ${selected?.itemId ?? ''} is not in the composition.`.replace(
        '  ',
        ' ',
      ),
      messageKey: 'Agent.edit.done.nothingToDo',
      messageParams: {},
    }
  }
  const isVideo = selected.type === 'video'
  const assetId = uniqueId(`asset-${item.id}`, composition.assets)
  const name = hashString(`${context.options.seed}:${body.message}:${assetId}`).toString(36)
  const picture = pictureUrl(name, '')
  const asset = {
    id: assetId,
    type: isVideo ? 'video' : 'image',
    ...(isVideo
      ? { remoteUrl: `${MEDIA_HOST}/${name}.mp4`, mimeType: 'video/mp4', thumbnailUrl: picture }
      : { remoteUrl: picture, mimeType: 'image/svg+xml' }),
    ...(selected.sourceImageUrl ? { sourceImageUrl: selected.sourceImageUrl } : {}),
  }
  return {
    composition: {
      ...composition,
      items: { ...composition.items, [item.id]: { ...item, assetId } },
      assets: { ...composition.assets, [assetId]: asset },
    },
    result: { itemId: item.id, assetId },
    messageKey: 'Agent.edit.done.itemRegenerated',
    messageParams: { itemType: isVideo ? 'video' : 'image' },
    charge: isVideo
      ? { tool: 'generate_video_standard', amount: context.options.prices.editVideo }
      : { tool: 'generate_image_standard', amount: context.options.prices.editImage },
  }
}

function setBackground(
  context: RunContext,
  composition: Composition,
  operation: Extract<EditOperation, { kind: 'background' }>,
  message: string,
): Applied {
  const existing = composition.tracks.find((track) => track.name === 'Background')
  const trackId = existing?.id ?? 'track-background'
  const itemId = existing?.items[0] ?? 'background-1'
  const durationInFrames = compositionLength(composition)
  const assets = { ...composition.assets }
  let item: Item
  let charge: Applied['charge']
  if (operation.color) {
    item = { id: itemId, type: 'solid', color: operation.color, from: 0, durationInFrames }
  } else {
    const assetId = uniqueId('asset-background', assets)
    const name = hashString(`${context.options.seed}:${message}:${assetId}`).toString(36)
    assets[assetId] = {
      id: assetId,
      type: 'image',
      remoteUrl: pictureUrl(name, ''),
      mimeType: 'image/svg+xml',
      width: composition.compositionWidth,
      height: composition.compositionHeight,
    }
    item = { id: itemId, type: 'image', assetId, from: 0, durationInFrames }
    charge = { tool: 'generate_image_standard', amount: context.options.prices.editImage }
  }
  const background: Track = { id: trackId, trackType: 'video', name: 'Background', items: [itemId] }
  const tracks = existing
    ? composition.tracks.map((track) =>
        track === existing ? { ...track, items: [itemId] } : track,
      )
    : [...composition.tracks, background]
  return {
    composition: {
      ...composition,
      tracks,
      items: { ...composition.items, [itemId]: item },
      assets,
    },
    result: { itemId, trackId },
    messageKey: 'Agent.edit.done.backgroundChanged',
    messageParams: {},
    charge,
  }
}

function toolNameOf(operation: EditOperation, body: AgentRunBody): string {
  if (operation.kind === 'add-text') return 'add_text_overlay'
  if (operation.kind === 'background') return operation.color ? 'set_background' : 'generate_image'
  return body.selectedItemContext?.type === 'video' ? 'generate_video' : 'generate_image'
}

/** Runs a short edit: one tool call per operation, then `done` with the changed composition. */
export async function runShortEdit(
  context: RunContext,
  body: AgentRunBody,
  start: Composition,
  operations: EditOperation[],
): Promise<{ success: boolean; data: DoneResult } | null> {
  const { stream, signal, ledger, user } = context
  let composition = start
  const toolResults: ToolResult[] = []
  const messages: Array<{ key: string; params: MessageParams }> = []

  for (const operation of operations) {
    const toolUseId = context.nextToolUseId()
    const toolName = toolNameOf(operation, body)
    progressed(context)
    await stream.send('tool_start', { toolUseId, toolName })
    if (!(await workOnTool(context, context.options.toolMs))) return null
    await stream.whileStalled()
    if (signal.aborted) return null
    progressed(context)

    const applied =
      operation.kind === 'add-text'
        ? addText(composition, operation)
        : operation.kind === 'background'
          ? setBackground(context, composition, operation, body.message)
          : regenerateItem(context, composition, body)
    let error = applied.error
    if (!error && applied.charge && user.credits < applied.charge.amount) {
      error = 'Not enough credit for this generation.'
    }
    if (!error) {
      composition = applied.composition
      if (applied.charge) ledger.charge(applied.charge.tool, applied.charge.amount)
      messages.push({ key: applied.messageKey, params: applied.messageParams })
    }
    const end = error
      ? { toolUseId, toolName, success: false, error }
      : { toolUseId, toolName, success: true }
    toolResults.push({ ...end, ...(error ? {} : applied.result) })
    await stream.send('tool_end', end)
  }

  ledger.charge('chat', Math.min(context.options.prices.editChat, Math.max(0, user.credits)))
  const first = messages[0]
  const text =
    messages.length === 0
      ? localizedMessage(context.locale, 'Agent.edit.done.nothingToDo')
      : messages.length === 1 && first
        ? localizedMessage(context.locale, first.key, first.params)
        : localizedMessage(context.locale, 'Agent.edit.done.applied', { changes: messages.length })
  return {
    success: true,
    data: {
      ...text,
      composition,
      toolResults,
      projectId: body.projectId,
      tokenUsage: ledger.tokenUsage(900 + body.message.length * 2, 120 + operations.length * 80),
      cost: ledger.cost(),
    },
  }
}
