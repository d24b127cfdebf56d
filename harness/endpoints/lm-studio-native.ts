import type { DeclaredCapabilities } from '../contract/capability.ts';
import type { ModelListing } from '../contract/protocol-client.ts';
import { VerifyError } from '../contract/verify-error.ts';
import { kindFromStatus, normalizeError } from '../protocols/shared/http-error.ts';
import { redactSecrets } from '../protocols/shared/redact.ts';

/** One entry of LM Studio's native GET /api/v0/models (fields as LM Studio documents them). */
export interface LmStudioModel {
  id: string;
  object?: string;
  /** "llm" | "vlm" | "embeddings" */
  type?: string;
  publisher?: string;
  arch?: string;
  compatibility_type?: string;
  quantization?: string;
  /** "loaded" | "not-loaded" */
  state?: string;
  max_context_length?: number;
  loaded_context_length?: number;
  /** e.g. ["tool_use"] */
  capabilities?: string[];
}

/**
 * Maps one native listing entry. What the server says becomes a declared capability only where
 * it says it: "tool_use" → tools; type "vlm" → vision. Absence declares nothing (unknown).
 */
export function fromLmStudioModel(model: LmStudioModel): ModelListing {
  const capabilities: DeclaredCapabilities = {};
  if (model.capabilities?.includes('tool_use')) capabilities.tools = true;
  if (model.type === 'vlm') capabilities.vision = true;
  const listing: ModelListing = { id: model.id };
  const context = model.max_context_length;
  if (typeof context === 'number' && context > 0) listing.contextWindow = context;
  if (Object.keys(capabilities).length > 0) listing.capabilities = capabilities;
  if (model.state === 'loaded' || model.state === 'not-loaded') listing.loaded = model.state === 'loaded';
  return listing;
}

export interface LmStudioListOptions {
  timeoutMs?: number;
  apiKey?: string;
  signal?: AbortSignal;
}

/**
 * LM Studio's native REST listing, GET <root>/api/v0/models: unlike /v1/models it says which
 * models are loaded, their context length and tool-use support. No SDK covers this endpoint, so
 * it is a plain fetch. Embedding models are left out (they are not chat targets).
 */
export async function listLmStudioModels(rootUrl: string, options: LmStudioListOptions = {}): Promise<ModelListing[]> {
  const url = `${rootUrl.replace(/\/+$/, '')}/api/v0/models`;
  const where = `lm-studio GET ${url}`;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {} });
  } catch (error) {
    throw normalizeError({ error, secrets: [options.apiKey], where });
  }
  const text = await response.text();
  if (!response.ok) {
    const message = redactSecrets(text.slice(0, 500), [options.apiKey]);
    const kind = kindFromStatus(response.status, message);
    throw new VerifyError({ kind, layer: kind === 'server' ? 'transport' : 'protocol', status: response.status, message: `${where}: ${kind} (HTTP ${response.status}): ${message}` });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new VerifyError({ kind: 'unknown', layer: 'parser', message: `${where}: body is not JSON` });
  }
  const data = (payload as { data?: unknown }).data;
  if (!Array.isArray(data)) throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: `${where}: no "data" array in the listing` });
  return data
    .filter((entry): entry is LmStudioModel => typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string')
    .filter((entry) => entry.type !== 'embeddings')
    .map(fromLmStudioModel);
}
