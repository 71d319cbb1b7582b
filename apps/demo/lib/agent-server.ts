import { createAgentProxy } from '@kvidai/agent-core/server'
import { createSimulator, DEMO_USER, type Simulator } from '@kvidai/agent-sim'

/**
 * Where agent requests go: api.kvid.ai when KVID_API_URL and KVID_API_KEY are set, else a
 * simulator running inside this server (demo mode). Either way the key stays here.
 */
export const demoMode = !(process.env.KVID_API_URL && process.env.KVID_API_KEY)

const holder = globalThis as { __kvidDemoSimulator?: Simulator }

/** The embedded simulator, one per server process. */
export function simulator(): Simulator {
  holder.__kvidDemoSimulator ??= createSimulator({
    credits: Number(process.env.KVID_SIM_CREDITS ?? 1000),
    sceneMs: Number(process.env.KVID_SIM_SCENE_MS ?? 600),
    seed: 1,
  })
  return holder.__kvidDemoSimulator
}

/** The signed-in user. A real app reads its own session here; the demo has one user. */
export const sessionEmail = process.env.KVID_USER_EMAIL ?? DEMO_USER.email

export const agentProxy = createAgentProxy({
  upstream: demoMode
    ? (request) => simulator().fetch(request)
    : (process.env.KVID_API_URL as string),
  apiKey: demoMode ? DEMO_USER.apiKey : (process.env.KVID_API_KEY as string),
  basePath: '/api/kvid',
  resolveUser: () => ({ email: sessionEmail }),
})
