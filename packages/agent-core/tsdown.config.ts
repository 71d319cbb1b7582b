import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    recording: 'src/recording/index.ts',
    server: 'src/server/index.ts',
    node: 'src/server/node.ts',
    vite: 'src/server/vite.ts',
  },
  format: 'esm',
  dts: true,
  platform: 'neutral',
  sourcemap: true,
})
