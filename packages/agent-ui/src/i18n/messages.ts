import type { Message } from './format-message'

// English by component: each component passes its own group to `useMessages`, so it bundles
// only the English it shows. `en` assembles them into the whole catalog.

/** English: the scene progress board and its scene cards. */
export const boardMessages = {
  'board.label': 'Scene progress',
  'board.summary': {
    plural: 'total',
    one: '{completed} of {total} scene',
    other: '{completed} of {total} scenes',
  },
  'board.failedCount': { plural: 'failed', one: '{failed} failed', other: '{failed} failed' },
  'board.empty': 'No scenes yet.',
  'board.emptyResumable': {
    plural: 'count',
    one: 'The last run left {count} scene unfinished.',
    other: 'The last run left {count} scenes unfinished.',
  },
  'board.announce.completed': {
    plural: 'count',
    one: '{count} more scene is done. {completed} of {total}.',
    other: '{count} more scenes are done. {completed} of {total}.',
  },
  'board.announce.failed': {
    plural: 'count',
    one: '{count} scene failed.',
    other: '{count} scenes failed.',
  },
  'scene.label': 'Scene {number}',
  'scene.state.pending': 'Waiting',
  'scene.state.running': 'Generating…',
  'scene.state.complete': 'Done',
  'scene.state.failed': 'Failed',
  'scene.state.interrupted': 'Interrupted',
  'scene.state.stopped': 'Stopped',
  'scene.voiceWarning': 'No narration',
  'scene.retry': 'Retry',
  'scene.retryLabel': 'Retry scene {number}',
} satisfies Record<string, Message>

/** English: the resume button. */
export const resumeMessages = {
  'resume.button': {
    plural: 'count',
    one: '▶ Resume {count} scene',
    other: '▶ Resume {count} scenes',
  },
  'resume.busy': 'Resuming…',
} satisfies Record<string, Message>

/** English: the credit-shortage dialog (its amounts are in `creditUnitMessages`). */
export const creditMessages = {
  'credit.title': 'Not enough credits',
  'credit.description': 'The video stopped because your credits ran out. Finished scenes are kept.',
  'credit.progress': {
    plural: 'total',
    one: '{completed} of {total} scene done',
    other: '{completed} of {total} scenes done',
  },
  'credit.remaining': 'Credits left',
  'credit.perScene': 'Estimated cost per scene',
  'credit.covers': {
    plural: 'count',
    one: 'Your balance covers {count} more scene.',
    other: 'Your balance covers {count} more scenes.',
  },
  'credit.needed': 'Credits needed to finish',
  'credit.topUp': 'Top up credits',
  'credit.resume': 'Resume',
  'credit.tryAgain': 'Try again',
  'credit.close': 'Close',
  'credit.rejected':
    'There were not enough credits to start: {available} available, {required} required.',
} satisfies Record<string, Message>

/** English: an amount of credits, in the credit-shortage dialog and the run status. */
export const creditUnitMessages = {
  'credit.unit': { plural: 'credits', one: '{credits} credit', other: '{credits} credits' },
} satisfies Record<string, Message>

/** English: the stop button. */
export const stopMessages = {
  'stop.button': 'Stop',
} satisfies Record<string, Message>

/** English: the run status, and the messages the agent's done event names by key (re-translated when the locale changes). */
export const statusMessages = {
  'status.stalled': 'No news from the agent for {duration} — still waiting.',
  'status.timeLeft': 'About {duration} left',
  'status.underAMinute': 'Under a minute left',
  'status.tokens': '{input} input and {output} output tokens',
  'status.elsewhere': 'Running in another tab — follow it here; Stop stops it there too.',
  'status.idle': 'Ready',
  'status.submitting': 'Sending…',
  'status.streaming': 'Working…',
  'status.done': 'Finished',
  'status.failed': 'Failed',
  'status.rejected': 'Not started',
  'status.interrupted': 'Interrupted — you can resume',
  'status.stopped': 'Stopped',
  'status.cost': 'Credits used',
  'status.costTotal': {
    plural: 'credits',
    one: '{credits} credit in total',
    other: '{credits} credits in total',
  },
  // Named by the done event
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
} satisfies Record<string, Message>

export type StatusKey = keyof typeof statusMessages

/** English: the error boundary's default fallback. */
export const boundaryMessages = {
  'boundary.message': 'This panel could not be shown.',
  'boundary.reset': 'Reset',
} satisfies Record<string, Message>

/** English: the tool activity list. */
export const toolsMessages = {
  'tools.label': 'Agent activity',
  'tools.empty': 'No tools used yet.',
  'tools.running': 'running',
  'tools.success': 'done',
  'tools.failed': 'failed',
} satisfies Record<string, Message>

/** English: the template warnings. */
export const warningsMessages = {
  'warnings.label': 'Template warnings',
} satisfies Record<string, Message>

/** English: what went wrong and the fix, for `describeError` and the error notice. */
export const errorMessages = {
  'error.UNAUTHORIZED':
    'The API key was not accepted. Check the key, or issue a new one in your kvid.ai dashboard.',
  'error.CONCURRENT_LIMIT': 'Another run is in progress — wait for it or resume.',
  'error.INSUFFICIENT_CREDIT': 'Not enough credits to start. Top up and try again.',
  'error.MISSING_PARAMETERS': 'The request was missing something: {detail}',
  'error.ZOMBIE_TIMEOUT': 'The previous run got stuck and was stopped. Try again.',
  'error.FORBIDDEN': 'This account may not change that project.',
  'error.PROJECT_NOT_FOUND': 'That project no longer exists.',
  'error.JOB_NOT_FOUND': 'That video job no longer exists. Start a new run.',
  'error.INTERNAL_ERROR': 'The agent had a problem on its side. Try again in a moment.',
  'error.rate_limited': 'Too many requests. Try again in {seconds} seconds.',
  'error.invalid_input': 'The request was not accepted: {detail}',
  'error.UNKNOWN': 'The agent refused the request: {detail}',
  'error.BAD_RESPONSE':
    'The server sent an unexpected answer (status {status}). Try again in a moment.',
  'error.RUN_IN_FLIGHT': 'A run is already in progress.',
  'error.RUNNING_IN_ANOTHER_TAB':
    'A run is going on in another tab, and only one runs at a time. Follow it there, or stop it.',
  'error.NO_JOB': 'There is nothing to resume.',
  'error.validation': 'Check {field}: {detail}',
  'error.stream': 'The agent stopped with an error: {detail}',
  'error.protocol': 'The agent sent something this app could not read. Finished work is kept.',
  'error.interrupted':
    'The connection dropped. Finished scenes are kept — resume to finish the rest.',
  'error.dismiss': 'Dismiss',
} satisfies Record<string, Message>

export type ErrorKey = keyof typeof errorMessages

/** English: the instruction box. */
export const promptMessages = {
  'prompt.label': 'Instruction',
  'prompt.placeholder': 'Describe an edit, or a video to make…',
  'prompt.submit': 'Run agent',
  'prompt.attach': 'Attach files',
  'prompt.remove': 'Remove {name}',
  'prompt.attachments': 'Attachments',
  'prompt.empty': 'Write an instruction first.',
  'prompt.tooLong': 'The instruction is too long: at most {max} characters.',
  'prompt.tooMany': 'At most {max} files can be attached.',
  'prompt.tooLarge': '{name} is too large: at most {max} MB per file.',
  'prompt.badType': '{name} cannot be attached: use images, video, audio, PDF or text.',
  'prompt.readFailed': '{name} could not be read. Try attaching it again.',
  'prompt.reading': 'Reading files…',
} satisfies Record<string, Message>

export type PromptKey = keyof typeof promptMessages

/** English: the composition timeline. */
export const timelineMessages = {
  'timeline.label': 'Composition timeline',
  'timeline.empty': 'The composition is empty.',
  'timeline.track': 'Track {name}',
  'timeline.item': '{type} from {start} s for {duration} s',
} satisfies Record<string, Message>
