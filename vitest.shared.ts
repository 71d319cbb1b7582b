import { defaultClientConditions, defaultServerConditions } from 'vite'

/**
 * Workspace packages export their TypeScript source under this condition, so tests and
 * type checks run on source without a build.
 */
export const SOURCE_CONDITION = '@kvidai/source'

export const sourceResolve = {
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
}
