/** Header names whose values are credentials. Compared lower-case. */
const SECRET_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
]);

export const REDACTED = '[redacted]';

export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** Query parameters that carry keys (Gemini's `key=`). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    for (const name of ['key', 'api_key', 'apikey', 'access_token']) {
      if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Replaces every occurrence of each secret in a text (for error messages and logs). */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
