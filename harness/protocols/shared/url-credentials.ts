/**
 * A base URL may carry credentials: userinfo (`http://user:pass@host`) and query parameters
 * (`?api_key=…`, gateways' tenant keys). fetch refuses URLs with userinfo, and the SDKs join paths
 * after the base URL's query, so both are taken out of the URL the SDK sees and put back on every
 * request: the query parameters as they were, the userinfo as Basic authorization (as curl does)
 * when no API key is configured.
 */
export interface UrlCredentials {
  /** The URL without userinfo and query. */
  url: string;
  query: Array<[string, string]>;
  /** `Basic base64(user:pass)`, when the URL had userinfo. */
  basic?: string;
}

/** The URL split, or undefined when it carries neither userinfo nor a query (or does not parse). */
export function splitUrlCredentials(url: string | undefined): UrlCredentials | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!parsed.username && !parsed.password && !parsed.search) return undefined;
  const query = [...parsed.searchParams.entries()];
  const userinfo = parsed.username || parsed.password ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : undefined;
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  return { url: parsed.toString(), query, basic: userinfo ? `Basic ${Buffer.from(userinfo).toString('base64')}` : undefined };
}

/** A fetch that puts a base URL's credentials back on every request (see splitUrlCredentials). */
export function withUrlCredentials(inner: typeof fetch, credentials: UrlCredentials, basicAuth: boolean): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    for (const [name, value] of credentials.query) if (!url.searchParams.has(name)) url.searchParams.append(name, value);
    const headers = new Headers(request.headers);
    if (basicAuth && credentials.basic) headers.set('authorization', credentials.basic);
    return inner(url.toString(), { ...init, method: request.method, headers, body: init?.body, signal: request.signal });
  };
}
