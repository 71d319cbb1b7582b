import { defineConfig } from 'tsdown'

export default defineConfig({
  // `production` is its own entry: the default one drops the panel when NODE_ENV is
  // production, and an app that wants the panel there imports this one on purpose.
  entry: ['src/index.ts', 'src/production.ts'],
  // One output module per source module, so the default entry's production build keeps
  // only its tiny switch and the panel's modules are dropped with it.
  unbundle: true,
  format: 'esm',
  dts: true,
  platform: 'neutral',
  sourcemap: true,
})
