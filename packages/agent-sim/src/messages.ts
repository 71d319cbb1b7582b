import type { Locale } from '@kvidai/agent-protocol'

type Catalog = Record<string, string>

const en: Catalog = {
  'Agent.longVideo.done.complete': 'Your {totalScenes}-scene video is ready.',
  'Agent.longVideo.done.partial':
    '{completedScenes} of {totalScenes} scenes are ready; {remainingScenes} failed and can be resumed.',
  'Agent.longVideo.done.insufficientCredit':
    'Credits ran out after {completedScenes} of {totalScenes} scenes. Top up and resume to finish the other {remainingScenes}.',
  'Agent.longVideo.resume.done.complete': 'Resumed: all {totalScenes} scenes are ready.',
  'Agent.longVideo.resume.done.partial':
    'Resumed: {completedScenes} of {totalScenes} scenes are ready; {remainingScenes} still need work.',
  'Agent.longVideo.resume.done.insufficientCredit':
    'Credits ran out again after {completedScenes} of {totalScenes} scenes. Top up and resume to finish the other {remainingScenes}.',
  'Agent.longVideo.retryScene.done.complete': 'Scene {sceneNumber} was generated again.',
  'Agent.longVideo.retryScene.done.failed': 'Scene {sceneNumber} failed again.',
  'Agent.edit.done.textAdded': 'Added the text "{text}" for {seconds} seconds.',
  'Agent.edit.done.itemRegenerated': 'Generated a new {itemType} for the selected item.',
  'Agent.edit.done.backgroundChanged': 'Changed the background.',
  'Agent.edit.done.applied': 'Made {changes} changes to the composition.',
  'Agent.edit.done.nothingToDo':
    'I could not tell what to change. Try asking for a title, a new background or a regenerated item.',
}

const ko: Catalog = {
  'Agent.longVideo.done.complete': '{totalScenes}개 장면으로 된 영상이 완성되었습니다.',
  'Agent.longVideo.done.partial':
    '{totalScenes}개 장면 중 {completedScenes}개가 완성되었습니다. 실패한 {remainingScenes}개 장면은 이어서 만들 수 있습니다.',
  'Agent.longVideo.done.insufficientCredit':
    '{totalScenes}개 장면 중 {completedScenes}개를 만든 뒤 크레딧이 부족해졌습니다. 충전한 뒤 이어서 나머지 {remainingScenes}개 장면을 완성하세요.',
  'Agent.longVideo.resume.done.complete':
    '이어서 만들기 완료: {totalScenes}개 장면이 모두 준비되었습니다.',
  'Agent.longVideo.resume.done.partial':
    '이어서 만들기: {totalScenes}개 장면 중 {completedScenes}개가 준비되었고 {remainingScenes}개가 남았습니다.',
  'Agent.longVideo.resume.done.insufficientCredit':
    '{totalScenes}개 장면 중 {completedScenes}개를 만든 뒤 다시 크레딧이 부족해졌습니다. 충전한 뒤 나머지 {remainingScenes}개 장면을 이어서 만드세요.',
  'Agent.longVideo.retryScene.done.complete': '{sceneNumber}번 장면을 다시 만들었습니다.',
  'Agent.longVideo.retryScene.done.failed': '{sceneNumber}번 장면이 또 실패했습니다.',
  'Agent.edit.done.textAdded': '"{text}" 텍스트를 {seconds}초 동안 추가했습니다.',
  'Agent.edit.done.itemRegenerated': '선택한 항목의 새 {itemType}을(를) 만들었습니다.',
  'Agent.edit.done.backgroundChanged': '배경을 바꿨습니다.',
  'Agent.edit.done.applied': '컴포지션을 {changes}군데 바꿨습니다.',
  'Agent.edit.done.nothingToDo':
    '무엇을 바꿀지 알 수 없었습니다. 제목 추가, 배경 변경, 항목 다시 만들기를 요청해 보세요.',
}

const es: Catalog = {
  'Agent.longVideo.done.complete': 'Tu video de {totalScenes} escenas está listo.',
  'Agent.longVideo.done.partial':
    '{completedScenes} de {totalScenes} escenas están listas; {remainingScenes} fallaron y se pueden reanudar.',
  'Agent.longVideo.done.insufficientCredit':
    'Los créditos se agotaron tras {completedScenes} de {totalScenes} escenas. Recarga y reanuda para terminar las otras {remainingScenes}.',
  'Agent.longVideo.resume.done.complete': 'Reanudado: las {totalScenes} escenas están listas.',
  'Agent.longVideo.resume.done.partial':
    'Reanudado: {completedScenes} de {totalScenes} escenas están listas; faltan {remainingScenes}.',
  'Agent.longVideo.resume.done.insufficientCredit':
    'Los créditos se agotaron de nuevo tras {completedScenes} de {totalScenes} escenas. Recarga y reanuda para terminar las otras {remainingScenes}.',
  'Agent.longVideo.retryScene.done.complete': 'La escena {sceneNumber} se generó de nuevo.',
  'Agent.longVideo.retryScene.done.failed': 'La escena {sceneNumber} volvió a fallar.',
  'Agent.edit.done.textAdded': 'Añadí el texto «{text}» durante {seconds} segundos.',
  'Agent.edit.done.itemRegenerated': 'Generé un nuevo {itemType} para el elemento seleccionado.',
  'Agent.edit.done.backgroundChanged': 'Cambié el fondo.',
  'Agent.edit.done.applied': 'Hice {changes} cambios en la composición.',
  'Agent.edit.done.nothingToDo':
    'No supe qué cambiar. Prueba a pedir un título, un fondo nuevo o regenerar un elemento.',
}

const CATALOGS: Record<Locale, Catalog> = { en, ko, es }

export type MessageParams = Record<string, string | number>

/** The `done` message in the request's language; the key and params let clients re-translate. */
export function localizedMessage(
  locale: Locale,
  messageKey: string,
  messageParams: MessageParams = {},
): { message: string; messageKey: string; messageParams: MessageParams } {
  const template = CATALOGS[locale][messageKey] ?? en[messageKey] ?? messageKey
  const message = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in messageParams ? String(messageParams[name]) : whole,
  )
  return { message, messageKey, messageParams }
}

/** Short narration lines per scene, so streams carry real multi-byte text. */
export function narrationLine(
  locale: Locale,
  sceneNumber: number,
  totalScenes: number,
  topic: string,
) {
  switch (locale) {
    case 'ko':
      return `장면 ${sceneNumber}/${totalScenes}: ${topic}`
    case 'es':
      return `Escena ${sceneNumber} de ${totalScenes}: ${topic}`
    default:
      return `Scene ${sceneNumber} of ${totalScenes}: ${topic}`
  }
}
