import type { Locale } from '@kvidai/agent-core'
import { type Catalog, en } from './en'
import { es } from './es'
import { ko } from './ko'

export const CATALOGS: Record<Locale, Catalog> = { en, ko, es }
