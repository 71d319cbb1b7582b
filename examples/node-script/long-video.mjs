// @ts-check
/**
 * Makes a long video with the kvidAI Agent API from a plain Node script and saves the
 * composition it ends with. Run it again after a credit shortage or a lost connection: it
 * asks check-resume first and continues the same job instead of starting a new one.
 *
 *   KVID_API_URL=… KVID_API_KEY=… KVID_EMAIL=… node long-video.mjs [--message "…"]
 *     [--out composition.json] [--project 1]
 *
 * Exit codes: 0 every scene is made; 1 the request failed; 2 bad usage; 3 scenes are left
 * (credits ran short, a scene failed, the connection dropped or you pressed Ctrl-C):
 * top up if needed and run it again.
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import {
  AgentError,
  createAgentClient,
  createAgentRunStore,
  selectCreditShortage,
} from '@kvidai/agent-core'

const USAGE = `Usage: KVID_API_URL=… KVID_API_KEY=… KVID_EMAIL=… node long-video.mjs [--message "…"] [--out composition.json] [--project 1]`
const DEFAULT_MESSAGE = 'Make a 30-second explainer about how volcanoes work in 8 scenes.'

/**
 * @param {string} message
 * @returns {never}
 */
function usage(message) {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

/** The command line's options, or usage and exit 2. */
function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        message: { type: 'string', default: DEFAULT_MESSAGE },
        out: { type: 'string', default: 'composition.json' },
        project: { type: 'string', default: '1' },
      },
    })
    return values
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
}

const values = readOptions()
const { KVID_API_URL: baseUrl, KVID_API_KEY: apiKey, KVID_EMAIL: email } = process.env
if (!baseUrl || !apiKey || !email) usage('Set KVID_API_URL, KVID_API_KEY and KVID_EMAIL.')
const projectId = Number(values.project)
if (!Number.isSafeInteger(projectId) || projectId < 1) usage('--project takes a whole number.')

/**
 * Server strings are data: control characters could drive the terminal, so they go.
 * @param {string} text
 */
const printable = (text) => text.replace(/\p{Cc}/gu, ' ')

const store = createAgentRunStore({
  client: createAgentClient({ baseUrl, apiKey, email }),
  projectId,
  locale: 'en',
  onEvent(event) {
    if (event.type === 'plan_ready') {
      console.log(`plan: ${event.data.totalScenes} scenes, job ${printable(event.data.jobId)}`)
    } else if (event.type === 'scene_complete') {
      console.log(`scene ${printable(event.data.sceneId)} done`)
    } else if (event.type === 'scene_failed') {
      console.log(`scene ${printable(event.data.sceneId)} failed: ${printable(event.data.error)}`)
    }
  },
  onDone: (result) => console.log(`done: ${printable(result.message)}`),
})

// Ctrl-C stops the stream; the job stays on the server, and the next run resumes it.
process.once('SIGINT', () => store.stop())

/** Resumes the project's unfinished job if it has one, else starts a new run. */
async function startOrResume() {
  const unfinished = await store.checkResume()
  if (unfinished) {
    const { jobId, remainingScenes, totalScenes } = unfinished
    console.log(
      `resuming job ${printable(jobId)}: ${remainingScenes} of ${totalScenes} scenes left`,
    )
    return store.resume(jobId)
  }
  console.log(`starting: ${values.message}`)
  return store.start({ message: values.message, composition: { tracks: [] } })
}

try {
  const outcome = await startOrResume()
  const state = store.getState()
  if (state.composition) {
    await writeFile(values.out, `${JSON.stringify(state.composition, null, 2)}\n`)
    console.log(`composition saved to ${values.out}`)
  }
  if (outcome.reason === 'done' && outcome.success && !state.result?.resumeJobId) {
    process.exitCode = 0
  } else if (outcome.reason === 'error') {
    console.error(`failed: ${outcome.error.code}: ${printable(outcome.error.message)}`)
    process.exitCode = 1
  } else {
    const shortage = selectCreditShortage(state)
    if (shortage.trigger === 'shortage') {
      const { completedScenes, totalScenes, neededCredits } = shortage.figures
      console.log(
        `credits ran short after ${completedScenes} of ${totalScenes} scenes` +
          (neededCredits === null ? '' : `; about ${neededCredits} more credits finish it`),
      )
    } else if (outcome.reason === 'interrupted') {
      console.log(`the connection ended early (${outcome.cause})`)
    }
    console.log('scenes are left: run this script again to resume the job')
    process.exitCode = 3
  }
} catch (error) {
  // Refused before anything streamed: bad key, no credit to start, another run in flight…
  if (!AgentError.isInstance(error)) throw error
  console.error(`refused: ${error.code}: ${printable(error.message)}`)
  process.exitCode = error.code === 'INSUFFICIENT_CREDIT' ? 3 : 1
}
