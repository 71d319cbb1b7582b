import { defineConfig } from 'tsdown'

export default defineConfig({
  // The locales are entries of their own, so apps ship only the languages they import.
  entry: ['src/index.ts', 'src/locales/ko.ts', 'src/locales/es.ts'],
  // One output module per source module: a bundler drops the components an app leaves out
  // (package.json `sideEffects` says only the CSS has side effects).
  unbundle: true,
  format: 'esm',
  dts: true,
  platform: 'neutral',
  sourcemap: true,
})
