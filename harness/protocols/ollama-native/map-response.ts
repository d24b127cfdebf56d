import type { ChatResponse as OllamaChatResponse, EmbedResponse as OllamaEmbedResponse, ModelResponse, ShowResponse } from 'ollama';
import type { EmbedResponse } from '../../contract/protocol-client.ts';
import type { DeclaredCapabilities } from '../../contract/capability.ts';
import type { ChatResponse } from '../../contract/chat.ts';
import type { ToolCall } from '../../contract/messages.ts';
import type { ModelListing } from '../../contract/protocol-client.ts';
import type { Usage } from '../../contract/usage.ts';
import { VerifyError } from '../../contract/verify-error.ts';
import { ollamaFinishReason } from './finish-reason.ts';
import type { OllamaWireToolCall } from './map-request.ts';

/** Ollama's counters (omitted when zero, e.g. a fully cached prompt). Ollama reports no total. */
export function fromOllamaUsage(chunk: { prompt_eval_count?: number; eval_count?: number }): Usage | undefined {
  const input = typeof chunk.prompt_eval_count === 'number' ? chunk.prompt_eval_count : undefined;
  const output = typeof chunk.eval_count === 'number' ? chunk.eval_count : undefined;
  if (input === undefined && output === undefined) return undefined;
  return { input, output };
}

/**
 * Tool calls arrive whole, with arguments as an object. The native API pairs results by tool
 * name and order; its call `id` is optional (recent servers send one). When it is missing, one is
 * made up as `synthesized_<n>` (n counts calls within the response/stream) and marked
 * `idSource: 'synthesized'`, so checks know the protocol, not the server, lacks it.
 */
export function fromOllamaToolCall(call: OllamaWireToolCall, ordinal: number): ToolCall {
  const id: Pick<ToolCall, 'id' | 'idSource'> = typeof call.id === 'string' && call.id !== '' ? { id: call.id } : { id: `synthesized_${ordinal}`, idSource: 'synthesized' };
  const args: unknown = call.function?.arguments;
  const argumentsText = args === undefined || args === null ? '' : typeof args === 'string' ? args : JSON.stringify(args);
  return { ...id, name: call.function?.name ?? '', argumentsText };
}

/** Maps a non-streamed /api/chat answer to the contract. An answer without a message is a protocol failure. */
export function fromOllamaChatResponse(response: OllamaChatResponse): ChatResponse {
  const message = response.message as (OllamaChatResponse['message'] & { tool_calls?: OllamaWireToolCall[] }) | undefined;
  if (!message || typeof message !== 'object') {
    throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: 'ollama-native: /api/chat response has no message' });
  }
  const toolCalls = (message.tool_calls ?? []).map((call, index) => fromOllamaToolCall(call, index));
  const raw = response.done_reason || undefined;
  return {
    text: message.content ?? '',
    reasoning: typeof message.thinking === 'string' && message.thinking !== '' ? message.thinking : undefined,
    toolCalls,
    finishReason: ollamaFinishReason(raw, toolCalls.length > 0),
    rawFinishReason: raw,
    usage: fromOllamaUsage(response),
    model: response.model,
  };
}

/**
 * /api/show `capabilities` → declared capabilities. Ollama refuses tools/think/images for a
 * model whose capabilities lack them, so absence is a declared `false`, not unknown.
 */
export function capabilitiesFromShow(capabilities: readonly string[] | undefined): DeclaredCapabilities | undefined {
  if (!Array.isArray(capabilities)) return undefined;
  const has = (name: string) => capabilities.includes(name);
  return { chat: has('completion'), tools: has('tools'), reasoning: has('thinking'), vision: has('vision') };
}

/** The context length from /api/show `model_info` (`<architecture>.context_length`). */
export function contextWindowFromShow(show: Pick<ShowResponse, 'model_info'>): number | undefined {
  const info = show.model_info as unknown;
  if (!info || typeof info !== 'object') return undefined;
  const record = info instanceof Map ? Object.fromEntries(info) : (info as Record<string, unknown>);
  const arch = record['general.architecture'];
  const direct = typeof arch === 'string' ? record[`${arch}.context_length`] : undefined;
  if (typeof direct === 'number') return direct;
  const anyKey = Object.keys(record).find((key) => key.endsWith('.context_length'));
  const value = anyKey === undefined ? undefined : record[anyKey];
  return typeof value === 'number' ? value : undefined;
}

/** One /api/tags entry, enriched with /api/show when it answered. */
export function toModelListing(model: ModelResponse, show?: Pick<ShowResponse, 'model_info' | 'capabilities'>): ModelListing {
  const details = model.details;
  const size = [details?.parameter_size, details?.quantization_level].filter((part) => typeof part === 'string' && part !== '');
  const listing: ModelListing = { id: model.name, displayName: size.length > 0 ? `${model.name} (${size.join(' ')})` : model.name };
  if (show) {
    const contextWindow = contextWindowFromShow(show);
    if (contextWindow !== undefined) listing.contextWindow = contextWindow;
    const capabilities = capabilitiesFromShow(show.capabilities);
    if (capabilities) listing.capabilities = capabilities;
  }
  return listing;
}

/** /api/embed's vectors (in input order) and prompt_eval_count as the input tokens; a count that differs from the inputs breaks the protocol. */
export function fromOllamaEmbedResponse(response: EmbedResponseWire, inputs: number): EmbedResponse {
  const vectors = Array.isArray(response.embeddings) ? response.embeddings : [];
  if (vectors.length !== inputs) throw new VerifyError({ kind: 'unknown', layer: 'protocol', message: `ollama-native /api/embed: ${vectors.length} embeddings for ${inputs} inputs` });
  const result: EmbedResponse = { vectors, model: response.model };
  if (typeof response.prompt_eval_count === 'number') result.usage = { input: response.prompt_eval_count };
  return result;
}

/** /api/embed's answer; prompt_eval_count is sent by the server but missing from the package's types. */
export type EmbedResponseWire = OllamaEmbedResponse & { prompt_eval_count?: number };
