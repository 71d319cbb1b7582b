/** The media type of a `content-type` value without its parameters, lower-cased: `text/html`. */
export function mediaType(value: string | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

const UTF8_CHARSET = /^\s*charset\s*=\s*(?:utf-8|"utf-8")\s*$/i

/**
 * Whether a request's `content-type` is exactly `application/json`, optionally with
 * `charset=utf-8`. Browsers send a cross-site request without asking the server first
 * (a CORS "simple" request) only for `text/plain`, `multipart/form-data` and
 * `application/x-www-form-urlencoded`, so demanding this type means a page on another site
 * cannot post here without a preflight, which the proxy never grants. `text/plain;
 * application/json` and anything else that merely mentions JSON is refused.
 */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false
  const [essence = '', ...parameters] = value.split(';')
  if (essence.trim().toLowerCase() !== 'application/json') return false
  return parameters.every((parameter) => parameter.trim() === '' || UTF8_CHARSET.test(parameter))
}
