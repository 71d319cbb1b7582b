import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    msw: 'src/msw.ts',
    testing: 'src/testing/index.ts',
    cli: 'src/cli.ts',
  },
  format: 'esm',
  dts: true,
  platform: 'node',
  sourcemap: true,
  fixedExtension: false,
})
