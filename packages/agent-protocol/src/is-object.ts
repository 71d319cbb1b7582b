/**
 * Whether a value read from the wire or from storage is a plain JSON object (not null, not
 * an array). The one check every reader of untrusted data starts from.
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
