import { createContext, type ReactNode, useContext } from 'react'
import type { Catalog } from './en'

export const MessagesContext = createContext<Partial<Catalog>>({})

export interface KvidMessagesProviderProps {
  /** Your own wording for any message, by key; the rest come from the built-in catalogs. */
  messages: Partial<Catalog>
  children?: ReactNode
}

/** Overrides messages of the agent components inside it, per key. */
export function KvidMessagesProvider({ messages, children }: KvidMessagesProviderProps) {
  const outer = useContext(MessagesContext)
  return (
    <MessagesContext.Provider value={{ ...outer, ...messages }}>
      {children}
    </MessagesContext.Provider>
  )
}
