import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { simulatedAgentApi } from './dev/agent-proxy-plugin.ts'

export default defineConfig({
  plugins: [react(), simulatedAgentApi()],
  server: { host: '127.0.0.1' },
})
