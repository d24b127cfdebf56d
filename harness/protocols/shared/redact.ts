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

/** Query parameters that carry keys (Gemini's `key=`, gateways' `api_key=`, signed URLs). Compared lower-case. */
const SECRET_QUERY_KEYS = new Set(['key', 'api_key', 'apikey', 'api-key', 'access_token', 'token', 'auth', 'password', 'secret', 'client_secret', 'sig', 'signature', 'x-amz-signature', 'x-amz-security-token', 'x-amz-credential']);

/** Whether a query parameter's name says its value is a credential. */
export const isSecretQueryKey = (name: string): boolean => SECRET_QUERY_KEYS.has(name.toLowerCase());

/** Removes credentials from a URL: userinfo (`user:pass@`) and key-carrying query parameters. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username) parsed.username = 'redacted';
    if (parsed.password) parsed.password = 'redacted';
    for (const name of [...new Set(parsed.searchParams.keys())]) {
      if (isSecretQueryKey(name)) parsed.searchParams.set(name, REDACTED);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The credentials a URL carries (userinfo, key-carrying query values), decoded, for redaction elsewhere. */
export function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    // `user:password` too: sent as Basic authorization, its base64 form must go as a whole.
    const out = [user, password, user || password ? `${user}:${password}` : ''];
    for (const [name, value] of parsed.searchParams) if (isSecretQueryKey(name)) out.push(value);
    return out.filter((value) => value !== '');
  } catch {
    return [];
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`\\]+/gi;

/** redactUrl applied to every URL inside a text (argv entries, messages, logs). */
export function redactUrlsInText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => redactUrl(url));
}

/** Replaces every occurrence of each secret in a text (for error messages and logs). */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
