import { randomBytes } from 'node:crypto'

export interface AdminFlags {
  admin: boolean
  noAdmin: boolean
  /** `--admin-token`. */
  token: string | undefined
  /** `KVID_SIM_ADMIN_TOKEN`, which keeps the token out of the process list. */
  environmentToken: string | undefined
}

export type AdminSetting =
  | { admin: false }
  | { admin: true; token: string; source: 'flag' | 'environment' | 'generated' }

/**
 * What the CLI's admin flags ask for, or a usage error to print. The admin surface is off
 * unless `--admin` is given, and on only with a token: the one given, else a random one.
 */
export function readAdminFlags(flags: AdminFlags): AdminSetting | string {
  if (flags.admin && flags.noAdmin) return '--admin and --no-admin contradict each other'
  if (flags.token !== undefined && !flags.admin) return '--admin-token needs --admin'
  if (!flags.admin) return { admin: false }
  if (flags.token !== undefined) return { admin: true, token: flags.token, source: 'flag' }
  if (flags.environmentToken) {
    return { admin: true, token: flags.environmentToken, source: 'environment' }
  }
  return { admin: true, token: randomBytes(24).toString('base64url'), source: 'generated' }
}
