import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const config: NextConfig = {
  reactStrictMode: true,
  // The workspace root, so the build finds the packages pnpm links from there.
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
}

export default config
