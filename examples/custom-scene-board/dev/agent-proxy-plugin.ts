import { getRequestListener } from '@hono/node-server'
import { createAgentProxy } from '@kvidai/agent-core/server'
import { createSimulator, DEMO_USER } from '@kvidai/agent-sim'
import type { Plugin } from 'vite'

const BASE_PATH = '/api/kvid'

/**
 * For `vite dev` only: serves `/api/kvid` with the same proxy your server would run
 * (`createAgentProxy` from `@kvidai/agent-core/server`), in front of a simulator in this
 * process instead of the real Agent API. No key, no account; `KVID_SIM_CREDITS=35` makes a
 * long video run short of credit after three scenes.
 */
export function simulatedAgentApi(): Plugin {
  return {
    name: 'kvid-simulated-agent-api',
    apply: 'serve',
    configureServer(server) {
      const simulator = createSimulator({
        credits: Number(process.env.KVID_SIM_CREDITS ?? 1000),
        sceneMs: Number(process.env.KVID_SIM_SCENE_MS ?? 600),
        admin: false,
      })
      const proxy = createAgentProxy({
        upstream: (request) => simulator.fetch(request),
        apiKey: DEMO_USER.apiKey,
        basePath: BASE_PATH,
        // Your server asks its session here; the simulator has one user.
        resolveUser: () => ({ email: DEMO_USER.email }),
      })
      const listener = getRequestListener(proxy)
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(`${BASE_PATH}/`)) void listener(request, response)
        else next()
      })
      server.httpServer?.once('close', () => void simulator.close())
    },
  }
}
