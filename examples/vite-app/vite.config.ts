import type { IncomingMessage } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { createAgentProxy } from '@kvidai/agent-core/server'
import { createSimulator, DEMO_USER } from '@kvidai/agent-sim'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite'

const BASE_PATH = '/api/kvid'

/**
 * Serves `/api/kvid` in `vite dev` and `vite preview` with the proxy your own server would
 * run (`createAgentProxy`), in front of the Agent API simulator instead of the real API: no
 * key, no account. `KVID_SIM_SCENE_MS` sets how long a scene takes (default 600 ms);
 * `KVID_SIM_CREDITS=35` makes a long video run short of credit after three scenes.
 */
function simulatedAgentApi(): Plugin {
  function mount(server: PreviewServer | ViteDevServer) {
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
    // Mounted under BASE_PATH, `url` has lost the prefix: the proxy wants the whole path.
    server.middlewares.use(BASE_PATH, (request, response) => {
      request.url = (request as IncomingMessage & { originalUrl?: string }).originalUrl
      void listener(request, response)
    })
    server.httpServer?.once('close', () => void simulator.close())
  }
  return { name: 'kvid-simulated-agent-api', configureServer: mount, configurePreviewServer: mount }
}

// https://vite.dev/config/
export default defineConfig({
  plugins: [react(), simulatedAgentApi()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
