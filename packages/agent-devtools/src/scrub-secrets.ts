/** Field names that carry credentials or personal data: their values never reach the panel or an export. */
const SECRET_NAME =
  /api[-_]?key|authori[sz]ation|token|password|passwd|secret|cookie|credential|e-?mail|session/i

/** What a scrubbed value becomes. */
export const SCRUBBED = '[scrubbed]'

/** Token counts the platform reports (`tokenUsage.inputTokens`, …) are numbers, not secrets. */
function isSecretField(name: string, value: unknown): boolean {
  return SECRET_NAME.test(name) && !(typeof value === 'number' || typeof value === 'object')
}

/**
 * A deep copy of a value, as JSON would see it, with every field named like a credential
 * (`apiKey`, `api-key`, `authorization`, `token`, `password`, `email`, …) replaced by
 * `[scrubbed]`, at any depth. The client never holds the key behind a proxy; this is the
 * belt to that brace.
 */
export function scrubSecrets<Value>(value: Value): Value {
  return JSON.parse(
    JSON.stringify(value, (name, field) => (isSecretField(name, field) ? SCRUBBED : field)) ??
      'null',
  )
}
