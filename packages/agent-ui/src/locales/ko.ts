import type { Catalog } from '../i18n/en'

/**
 * Korean, opt-in so apps that do not speak it do not ship it:
 * `<KvidMessagesProvider catalogs={{ ko }}>`. Typed `Catalog`: exactly English's keys.
 */
export const ko: Catalog = {
  // Scene progress board
  'board.label': '장면 진행 상황',
  'board.summary': { plural: 'total', other: '{total}개 장면 중 {completed}개' },
  'board.failedCount': { plural: 'failed', other: '{failed}개 실패' },
  'board.empty': '아직 장면이 없습니다.',
  'board.emptyResumable': { plural: 'count', other: '지난 실행에서 장면 {count}개가 남았습니다.' },
  'board.announce.completed': {
    plural: 'count',
    other: '장면 {count}개가 추가로 완료되었습니다. {total}개 중 {completed}개입니다.',
  },
  'board.announce.failed': { plural: 'count', other: '장면 {count}개가 실패했습니다.' },
  'scene.label': '장면 {number}',
  'scene.state.pending': '대기 중',
  'scene.state.running': '생성 중…',
  'scene.state.complete': '완료',
  'scene.state.failed': '실패',
  'scene.state.interrupted': '중단됨',
  'scene.state.stopped': '멈춤',
  'scene.voiceWarning': '내레이션 없음',
  'scene.retry': '다시 시도',
  'scene.retryLabel': '장면 {number} 다시 시도',

  // Resume
  'resume.button': { plural: 'count', other: '▶ 장면 {count}개 이어서 만들기' },
  'resume.busy': '이어서 만드는 중…',

  // Credit shortage
  'credit.title': '크레딧이 부족합니다',
  'credit.description':
    '크레딧이 모두 소진되어 영상 생성이 중단되었습니다. 완성된 장면은 유지됩니다.',
  'credit.progress': { plural: 'total', other: '{total}개 장면 중 {completed}개 완료' },
  'credit.remaining': '남은 크레딧',
  'credit.perScene': '장면당 예상 비용',
  'credit.covers': {
    plural: 'count',
    other: '현재 잔액으로 장면 {count}개를 더 만들 수 있습니다.',
  },
  'credit.needed': '완성에 필요한 크레딧',
  'credit.unit': { plural: 'credits', other: '{credits} 크레딧' },
  'credit.topUp': '크레딧 충전',
  'credit.resume': '이어서 만들기',
  'credit.tryAgain': '다시 시도',
  'credit.close': '닫기',
  'credit.rejected':
    '크레딧이 부족해 시작하지 못했습니다. 사용 가능: {available}, 필요: {required}.',

  // Run status
  'stop.button': '중지',
  'status.stalled': '에이전트 응답이 {duration} 동안 없습니다 — 계속 기다리는 중입니다.',
  'boundary.message': '이 패널을 표시할 수 없습니다.',
  'boundary.reset': '다시 표시',
  'status.timeLeft': '약 {duration} 남음',
  'status.underAMinute': '1분 이내 남음',
  'status.tokens': '입력 토큰 {input}개, 출력 토큰 {output}개',
  'status.elsewhere':
    '다른 탭에서 실행 중입니다 — 여기서 진행 상황을 볼 수 있고, 중지하면 그 탭에서도 멈춥니다.',
  'status.idle': '준비됨',
  'status.submitting': '보내는 중…',
  'status.streaming': '작업 중…',
  'status.done': '완료',
  'status.failed': '실패',
  'status.rejected': '시작되지 않음',
  'status.interrupted': '중단됨 — 이어서 만들 수 있습니다',
  'status.stopped': '중지됨',
  'status.cost': '사용한 크레딧',
  'status.costTotal': { plural: 'credits', other: '총 {credits} 크레딧' },

  // Tool activity
  'tools.label': '에이전트 활동',
  'tools.empty': '아직 사용한 도구가 없습니다.',
  'tools.running': '실행 중',
  'tools.success': '완료',
  'tools.failed': '실패',

  // Template warnings
  'warnings.label': '템플릿 경고',

  // Errors: what happened and the fix
  'error.UNAUTHORIZED':
    'API 키가 승인되지 않았습니다. 키를 확인하거나 kvid.ai 대시보드에서 새 키를 발급하세요.',
  'error.CONCURRENT_LIMIT': '다른 실행이 진행 중입니다. 끝날 때까지 기다리거나 이어서 만드세요.',
  'error.INSUFFICIENT_CREDIT': '시작하기에 크레딧이 부족합니다. 충전한 뒤 다시 시도하세요.',
  'error.MISSING_PARAMETERS': '요청에 빠진 항목이 있습니다: {detail}',
  'error.ZOMBIE_TIMEOUT': '이전 실행이 멈춰서 중지했습니다. 다시 시도하세요.',
  'error.FORBIDDEN': '이 계정으로는 해당 프로젝트를 변경할 수 없습니다.',
  'error.PROJECT_NOT_FOUND': '해당 프로젝트가 더 이상 존재하지 않습니다.',
  'error.JOB_NOT_FOUND': '해당 영상 작업이 더 이상 존재하지 않습니다. 새로 실행하세요.',
  'error.INTERNAL_ERROR': '에이전트 쪽에 문제가 발생했습니다. 잠시 후 다시 시도하세요.',
  'error.rate_limited': '요청이 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
  'error.invalid_input': '요청이 승인되지 않았습니다: {detail}',
  'error.UNKNOWN': '에이전트가 요청을 거부했습니다: {detail}',
  'error.BAD_RESPONSE':
    '서버에서 예상치 못한 응답을 보냈습니다(상태 {status}). 잠시 후 다시 시도하세요.',
  'error.RUN_IN_FLIGHT': '이미 진행 중인 실행이 있습니다.',
  'error.RUNNING_IN_ANOTHER_TAB':
    '다른 탭에서 실행이 진행 중이며 한 번에 하나만 실행할 수 있습니다. 그 탭에서 확인하거나 중지하세요.',
  'error.NO_JOB': '이어서 만들 작업이 없습니다.',
  'error.validation': '{field}을(를) 확인하세요: {detail}',
  'error.stream': '에이전트가 오류로 중단되었습니다: {detail}',
  'error.protocol': '에이전트가 보낸 내용을 이 앱에서 읽을 수 없습니다. 완료된 작업은 유지됩니다.',
  'error.interrupted':
    '연결이 끊어졌습니다. 완성된 장면은 유지되니 이어서 만들어 나머지를 완성하세요.',
  'error.dismiss': '닫기',

  // Prompt
  'prompt.label': '지시사항',
  'prompt.placeholder': '원하는 편집이나 만들 영상을 설명하세요…',
  'prompt.submit': '에이전트 실행',
  'prompt.attach': '파일 첨부',
  'prompt.remove': '{name} 제거',
  'prompt.attachments': '첨부 파일',
  'prompt.empty': '먼저 지시사항을 입력하세요.',
  'prompt.tooLong': '지시사항이 너무 깁니다. 최대 {max}자까지 입력할 수 있습니다.',
  'prompt.tooMany': '파일은 최대 {max}개까지 첨부할 수 있습니다.',
  'prompt.tooLarge': '{name} 파일이 너무 큽니다. 파일당 최대 {max}MB까지 첨부할 수 있습니다.',
  'prompt.badType':
    '{name} 파일은 첨부할 수 없습니다. 이미지, 동영상, 오디오, PDF, 텍스트 파일을 사용하세요.',
  'prompt.readFailed': '{name} 파일을 읽지 못했습니다. 다시 첨부해 주세요.',
  'prompt.reading': '파일을 읽는 중…',

  // Timeline
  'timeline.label': '컴포지션 타임라인',
  'timeline.empty': '컴포지션이 비어 있습니다.',
  'timeline.track': '트랙 {name}',
  'timeline.item': '{type}, {start}초부터 {duration}초 동안',

  // Messages the agent's done event names, re-translated when the locale changes
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
