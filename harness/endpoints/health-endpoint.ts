import type { HealthInfo } from '../contract/protocol-client.ts';
import type { HealthEndpoint } from '../contract/provider.ts';
import { normalizeError } from '../protocols/shared/http-error.ts';
import { splitUrlCredentials, withUrlCredentials } from '../protocols/shared/url-credentials.ts';

const BODY_EXCERPT = 200;

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/**
 * GET on a server's own health route (llama-server /health, Ollama /api/version, vLLM /health).
 * Unhealthy (ok: false, with why) on a non-2xx status or a JSON body whose `expect` fields differ;
 * throws a VerifyError when no answer comes (network, timeout), so callers can tell "down" from "sick".
 */
export async function checkHealthEndpoint(endpoint: HealthEndpoint & { url: string }, signal?: AbortSignal): Promise<HealthInfo> {
  const where = `GET ${endpoint.path}`;
  let response: Response;
  let text: string;
  try {
    const credentials = splitUrlCredentials(endpoint.url);
    const get = credentials ? withUrlCredentials(fetch, credentials, true) : fetch;
    response = await get(credentials?.url ?? endpoint.url, { signal, headers: { accept: 'application/json' } });
    text = await response.text();
  } catch (error) {
    throw normalizeError({ error, where });
  }
  const excerpt = text.slice(0, BODY_EXCERPT);
  if (!response.ok) return { ok: false, detail: `${where} answered HTTP ${response.status}: ${excerpt}` };
  let body: unknown;
  if (endpoint.expect || endpoint.versionField) {
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, detail: `${where} answered HTTP ${response.status} with a body that is not JSON: ${excerpt}` };
    }
  }
  for (const [name, expected] of Object.entries(endpoint.expect ?? {})) {
    const actual = field(body, name);
    if (actual !== expected) return { ok: false, detail: `${where}: "${name}" is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}` };
  }
  const version = endpoint.versionField ? field(body, endpoint.versionField) : undefined;
  return {
    ok: true,
    version: typeof version === 'string' ? [endpoint.versionPrefix, version].filter(Boolean).join(' ') : undefined,
    detail: `${where} answered HTTP ${response.status}`,
  };
}
