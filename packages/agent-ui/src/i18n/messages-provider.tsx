import type { Locale } from '@kvidai/agent-core'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { Catalog } from './en'

/** Whole catalogs by locale; English is built in and needs none. */
export type Catalogs = Partial<Record<Locale, Catalog>>

export interface MessagesContextValue {
  catalogs: Catalogs
  overrides: Partial<Catalog>
}

export const MessagesContext = createContext<MessagesContextValue>({ catalogs: {}, overrides: {} })

export interface KvidMessagesProviderProps {
  /**
   * The languages your app speaks besides English, each imported from its own entry:
   * `import { ko } from '@kvidai/agent-ui/locales/ko'`, then `catalogs={{ ko }}`.
   */
  catalogs?: Catalogs
  /** Your own wording for any message, by key, in every locale; the rest come from the catalogs. */
  messages?: Partial<Catalog>
  children?: ReactNode
}

/**
 * Supplies catalogs and per-key overrides to the agent components inside it; nests and
 * merges. Pass the same objects each render (e.g. declared at module scope) so the
 * components keep their translations and do not render again.
 */
export function KvidMessagesProvider({ catalogs, messages, children }: KvidMessagesProviderProps) {
  const outer = useContext(MessagesContext)
  const value = useMemo(
    () => ({
      catalogs: { ...outer.catalogs, ...catalogs },
      overrides: { ...outer.overrides, ...messages },
    }),
    [outer, catalogs, messages],
  )
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>
}
