import type { ProviderDefinition } from '../contract/provider.ts';

/** Local servers the harness knows, with the port each listens on by default. */
export const LOCAL_SERVER_PORTS = { lm_studio: 1234, ollama: 11434, llama_cpp: 8080, vllm: 8000 } as const;

export type LocalServerId = keyof typeof LOCAL_SERVER_PORTS;

/** Model-listing paths probed per server: every one answers OpenAI's /v1/models; Ollama's own listing is /api/tags. */
const LIST_PATHS: Record<LocalServerId, readonly string[]> = {
  lm_studio: ['/v1/models'],
  ollama: ['/api/tags', '/v1/models'],
  llama_cpp: ['/v1/models'],
  vllm: ['/v1/models'],
};

export interface DiscoveredServer {
  provider: LocalServerId;
  url: string;
  /** Something answered HTTP on the port (even with an error status). */
  reachable: boolean;
  /** Model ids listed; empty when none could be read. */
  models: string[];
  /** Why no listing was read, when none was. */
  error?: string;
}

export interface DiscoverOptions {
  /** Which servers to probe and on which port; default: all four on their default ports. */
  ports?: Partial<Record<LocalServerId, number>>;
  host?: string;
  timeoutMs?: number;
}

type Probe = { ok: true; models: string[] } | { ok: false; reachable: boolean; error: string };

function idsFrom(path: string, payload: unknown): string[] | undefined {
  const record = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const list = path === '/api/tags' ? record.models : record.data;
  if (!Array.isArray(list)) return undefined;
  const ids: string[] = [];
  for (const entry of list) {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const id = path === '/api/tags' ? (item.name ?? item.model) : item.id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

async function probe(url: string, path: string, timeoutMs: number): Promise<Probe> {
  try {
    const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (!response.ok) return { ok: false, reachable: true, error: `GET ${path}: HTTP ${response.status}` };
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return { ok: false, reachable: true, error: `GET ${path}: answer is not JSON` };
    }
    const models = idsFrom(path, payload);
    return models ? { ok: true, models } : { ok: false, reachable: true, error: `GET ${path}: not a model listing` };
  } catch (error) {
    return { ok: false, reachable: false, error: `GET ${path}: ${reasonOf(error, timeoutMs)}` };
  }
}

async function discoverOne(provider: LocalServerId, url: string, timeoutMs: number): Promise<DiscoveredServer> {
  const probes = await Promise.all(LIST_PATHS[provider].map((path) => probe(url, path, timeoutMs)));
  const models = new Set<string>();
  const errors: string[] = [];
  let reachable = false;
  let listed = false;
  for (const result of probes) {
    if (result.ok) {
      reachable = true;
      listed = true;
      for (const id of result.models) models.add(id);
    } else {
      reachable ||= result.reachable;
      errors.push(result.error);
    }
  }
  const server: DiscoveredServer = { provider, url, reachable, models: [...models] };
  if (!listed) server.error = errors.join('; ');
  return server;
}

/**
 * Probes local LLM servers on 127.0.0.1 (LM Studio :1234, Ollama :11434, llama.cpp :8080,
 * vLLM :8000) by their model listings, each with a short deadline, all at once. A port where
 * something else answers shows as reachable with an error saying what was wrong.
 */
export async function discoverLocalServers(options: DiscoverOptions = {}): Promise<DiscoveredServer[]> {
  const { host = '127.0.0.1', timeoutMs = 800 } = options;
  const ports: Partial<Record<LocalServerId, number>> = options.ports ?? LOCAL_SERVER_PORTS;
  const targets = (Object.keys(LOCAL_SERVER_PORTS) as LocalServerId[]).filter((id) => ports[id] !== undefined);
  return Promise.all(targets.map((id) => discoverOne(id, `http://${host}:${ports[id]}`, timeoutMs)));
}

/**
 * Cloud providers whose credential env var is set (non-empty). Returns provider ids only: the
 * values are never read beyond checking that they are present.
 */
export function cloudProvidersWithCredentials(env: Readonly<Record<string, string | undefined>>, providers: readonly ProviderDefinition[]): string[] {
  return providers
    .filter((provider) => provider.kind === 'cloud' && provider.auth !== undefined)
    .filter((provider) => provider.auth!.envVars.some((name) => (env[name] ?? '') !== ''))
    .map((provider) => provider.id);
}
