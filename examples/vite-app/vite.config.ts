import { kvidAgentProxy } from '@kvidai/agent-core/vite'
import { createSimulator, DEMO_USER } from '@kvidai/agent-sim'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The Agent API simulator in this process stands in for https://api.kvid.ai: no key, no
 * account. `KVID_SIM_SCENE_MS` sets how long a scene takes (default 600 ms);
 * `KVID_SIM_CREDITS=35` makes a long video run short of credit after three scenes.
 */
const simulator = createSimulator({
  credits: Number(process.env.KVID_SIM_CREDITS ?? 1000),
  sceneMs: Number(process.env.KVID_SIM_SCENE_MS ?? 600),
  admin: false,
})

// https://vite.dev/config/
export default defineConfig({
  plugins: [
    react(),
    // `/api/kvid` on `vite` and `vite preview`: the proxy your server runs in production.
    kvidAgentProxy({
      upstream: (request) => simulator.fetch(request),
      apiKey: DEMO_USER.apiKey,
      basePath: '/api/kvid',
      // Your server asks its session here; the simulator has one user.
      resolveUser: () => ({ email: DEMO_USER.email }),
    }),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
